package org.hotline.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ivr.FakeAsterisk.bargeIn;
import static org.hotline.ivr.FakeAsterisk.hangUp;
import static org.hotline.ivr.FakeAsterisk.keys;
import static org.hotline.ivr.FakeAsterisk.silence;
import static org.hotline.ivr.IvrTestDatabase.ONE_ACCOUNT_NUMBER;

import java.util.List;
import org.hotline.ivr.FakeAsterisk.Session;
import org.junit.jupiter.api.Test;

/** The main menu over FastAGI: each key, '*', wrong keys and silence, and the menus without a script's ports. */
class MainMenuScriptIntegrationTests extends IvrServerTest {

    private static final List<String> FULL_MENU = Prompt.files(Prompt.MENU_FAULT_ARREARS, Prompt.MENU_REPEAT);


    @Test
    void key0SendsTheCallerToTheQueue() {
        Session s = server.asterisk().uniqueId("3.1").run("main-menu", keys("0"));
        assertThat(s.played()).containsExactly(Prompt.MENU_FAULT_ARREARS.file(), Prompt.MENU_REPEAT.file(),
                Prompt.MENU_TO_AGENT.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=0");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(db.lastRun("3.1")).containsEntry("script", "main-menu").containsEntry("outcome", "completed");
    }

    @Test
    void key1RunsTheFaultReportInTheSameCall() {
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("main-menu", keys("1"), keys("1"), keys("1"));
        assertThat(server.reports).singleElement().extracting(FaultReports.Report::kind)
                .isEqualTo(FaultReports.Kind.NO_POWER);
        assertThat(s.played()).startsWith(FULL_MENU.toArray(String[]::new)).contains(Prompt.FAULT_KIND_MENU.file())
                .endsWith(Prompt.GOODBYE.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=1>identify=number>fault=WO20261207-000123");
        assertThat(s.variable(IvrVariables.WORK_ORDER)).isEqualTo("WO20261207-000123");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
    }

    @Test
    void key2PressedDuringTheMenuRunsTheArrearsScript() {
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("main-menu", bargeIn('2'), keys("2"));
        assertThat(s.played()).startsWith(Prompt.MENU_FAULT_ARREARS.file(), Prompt.ARREARS_OWED.file())
                .doesNotContain(Prompt.MENU_REPEAT.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=2>identify=number>arrears=owed:agent");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
    }

    @Test
    void aScriptThatEndsWithoutANextStepBringsTheCallerBackToTheMenu() {
        Session s = server.asterisk().caller("").variable(IvrVariables.ACCOUNT, "1000000002")
                .run("main-menu", keys("2"), keys("0"));
        assertThat(s.played()).containsExactly(Prompt.MENU_FAULT_ARREARS.file(), Prompt.MENU_REPEAT.file(),
                Prompt.ARREARS_NONE.file(), Prompt.MENU_FAULT_ARREARS.file(), Prompt.MENU_REPEAT.file(),
                Prompt.MENU_TO_AGENT.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=2>arrears=none>menu=0");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
    }

    @Test
    void starPlaysTheMenuAgainWithoutUsingATry() {
        Session s = server.asterisk().run("main-menu", keys("*"), keys("*"), keys("*"), keys("0"));
        assertThat(s.played()).filteredOn(Prompt.MENU_FAULT_ARREARS.file()::equals).hasSize(4);
        assertThat(s.played()).doesNotContain(Prompt.NO_INPUT.file(), Prompt.MENU_INVALID.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=0");
    }

    @Test
    void aCallerWhoPressesNothingHearsTheMenuRetriesTimesThenGoesToTheQueue() {
        Session s = server.asterisk().uniqueId("3.6").run("main-menu", silence(), silence(), silence());
        assertThat(s.played()).containsExactly(Prompt.MENU_FAULT_ARREARS.file(), Prompt.MENU_REPEAT.file(),
                Prompt.NO_INPUT.file(), Prompt.MENU_FAULT_ARREARS.file(), Prompt.MENU_REPEAT.file(),
                Prompt.NO_INPUT.file(), Prompt.MENU_FAULT_ARREARS.file(), Prompt.MENU_REPEAT.file(),
                Prompt.MENU_TO_AGENT.file());
        assertThat(s.commands()).filteredOn(c -> c.startsWith("WAIT FOR DIGIT 5000")).hasSize(3);
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=none");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat((String) db.lastRun("3.6").get("facts")).contains("\"plays\": 3");
    }

    @Test
    void aKeyOffTheMenuIsToldAsWrongAndCountsAsATry() {
        Session s = server.asterisk().run("main-menu", keys("5"), keys("#"), keys("0"));
        assertThat(s.played()).filteredOn(Prompt.MENU_INVALID.file()::equals).hasSize(2);
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=0");

        Session out = server.asterisk().run("main-menu", keys("9"), keys("9"), keys("9"));
        assertThat(out.variable(IvrVariables.PATH)).isEqualTo("menu=none");
    }

    @Test
    void withoutTheFaultReportPortsKey1IsNotOffered() {
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("main-menu-no-fault", keys("1"), keys("0"));
        assertThat(s.played()).startsWith(Prompt.MENU_ARREARS.file(), Prompt.MENU_REPEAT.file(),
                Prompt.MENU_INVALID.file()).doesNotContain(Prompt.MENU_FAULT_ARREARS.file());
        assertThat(server.reports).isEmpty();
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=0");
    }

    @Test
    void withoutTheArrearsPortsKey2IsNotOffered() {
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("main-menu-no-arrears", keys("2"), keys("0"));
        assertThat(s.played()).startsWith(Prompt.MENU_FAULT.file(), Prompt.MENU_REPEAT.file(),
                Prompt.MENU_INVALID.file()).doesNotContain(Prompt.ARREARS_OWED.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=0");
    }

    @Test
    void withNeitherScriptTheCallerGoesStraightToTheQueue() {
        Session s = server.asterisk().run("main-menu-bare");
        assertThat(s.played()).containsExactly(Prompt.MENU_TO_AGENT.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("menu=direct");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
    }

    @Test
    void aCallerWhoHangsUpAtTheMenuEndsTheRun() {
        Session s = server.asterisk().uniqueId("3.11").run("main-menu", hangUp());
        assertThat(s.variable(IvrVariables.NEXT)).isNull();
        assertThat(db.lastRun("3.11")).containsEntry("outcome", "hung_up");
    }
}
