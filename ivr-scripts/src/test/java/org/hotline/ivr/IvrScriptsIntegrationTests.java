package org.hotline.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ivr.FakeAsterisk.bargeIn;
import static org.hotline.ivr.FakeAsterisk.hangUp;
import static org.hotline.ivr.FakeAsterisk.keys;
import static org.hotline.ivr.FakeAsterisk.silence;
import static org.hotline.ivr.IvrTestDatabase.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.FakeAsterisk.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FastAGI server, the identify and outage-notice scripts over FastAGI, driven by a fake Asterisk over TCP, on embedded PostgreSQL. */
class IvrScriptsIntegrationTests extends IvrServerTest {

    private static IvrTestServer luhnServer;

    @BeforeAll
    static void startLuhn() {
        IvrProperties d = IvrProperties.defaults();
        luhnServer = new IvrTestServer(db, new IvrProperties(true, "127.0.0.1", 0, d.allowedPeers(), 2, 10,
                d.readTimeout(), d.digitTimeout(), d.retries(), d.maxAccountDigits(), IvrProperties.CheckDigit.LUHN,
                d.menuRepeats(), d.zone(), "repair"));
    }

    @AfterAll
    static void stopLuhn() {
        luhnServer.close();
    }

    private static FakeAsterisk asterisk() {
        return server.asterisk();
    }

    @Test
    void aCallerWhoseNumberNamesOneAccountIsIdentifiedWithoutBeingAsked() {
        Session s = asterisk().caller(ONE_ACCOUNT_NUMBER).uniqueId("1.1").variable(IvrVariables.PATH, "entry")
                .run("identify");
        assertThat(s.played()).isEmpty();
        assertThat(s.variable(IvrVariables.ACCOUNT)).isEqualTo(ACCOUNT_ONE);
        assertThat(s.variable(IvrVariables.CUSTOMER_ID)).isEqualTo(Long.toString(db.customerOne));
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("entry>identify=number");
        assertThat(s.commands()).anyMatch(c -> c.startsWith("SET VARIABLE \"__HOTLINE_ACCOUNT\""));
        assertThat(db.lastRun("1.1")).containsEntry("script", "identify").containsEntry("outcome", "completed");
    }

    @Test
    void aCallerWithTwoAccountsOrASharedNumberKeysTheAccountIn() {
        Session two = asterisk().caller(TWO_ACCOUNTS_NUMBER).run("identify", keys("1000000012#"));
        assertThat(two.played()).containsExactly(Prompt.ENTER_ACCOUNT.file());
        assertThat(two.variable(IvrVariables.ACCOUNT)).isEqualTo("1000000012");
        assertThat(two.variable(IvrVariables.PATH)).isEqualTo("identify=account");

        Session shared = asterisk().caller(SHARED_NUMBER).run("identify", keys("1000000003#"));
        assertThat(shared.variable(IvrVariables.ACCOUNT)).isEqualTo("1000000003");
    }

    @Test
    void wrongEntriesAreRefusedWithTheReasonAndTheCallerGoesToAnAgentAfterTheRetries() {
        String twoHundredDigits = "9".repeat(200);
        Session s = asterisk().caller("02100000000").uniqueId("1.3")
                .run("identify", keys(twoHundredDigits), keys("12*34#"), silence());
        assertThat(s.played()).containsExactly(Prompt.ENTER_ACCOUNT.file(), Prompt.ACCOUNT_INVALID.file(),
                Prompt.ENTER_ACCOUNT.file(), Prompt.ACCOUNT_INVALID.file(), Prompt.ENTER_ACCOUNT.file(),
                Prompt.NO_INPUT.file(), Prompt.NOT_IDENTIFIED.file());
        assertThat(s.variable(IvrVariables.ACCOUNT)).isNull();
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("identify=none");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(s.commands()).filteredOn(c -> c.startsWith("GET DATA"))
                .allMatch(c -> c.endsWith(" 21"), "asks for at most max-account-digits + 1");
    }

    @Test
    void anAccountThatDoesNotExistIsSaidSoAndTheNextTryCounts() {
        Session s = asterisk().caller("").run("identify", keys("55555555#"), keys(ACCOUNT_ONE + "#"));
        assertThat(s.played()).containsExactly(Prompt.ENTER_ACCOUNT.file(), Prompt.ACCOUNT_NOT_FOUND.file(),
                Prompt.ENTER_ACCOUNT.file());
        assertThat(s.variable(IvrVariables.ACCOUNT)).isEqualTo(ACCOUNT_ONE);
    }

    @Test
    void withTheLuhnCheckDigitAMistypedAccountIsRefusedBeforeAnyLookup() {
        Session s = new FakeAsterisk(luhnServer.port()).caller("").run("identify", keys("79927398710#"),
                keys(LUHN_ACCOUNT + "#"));
        assertThat(s.played()).containsExactly(Prompt.ENTER_ACCOUNT.file(), Prompt.ACCOUNT_INVALID.file(),
                Prompt.ENTER_ACCOUNT.file());
        assertThat(s.variable(IvrVariables.ACCOUNT)).isEqualTo(LUHN_ACCOUNT);
    }

    @Test
    void aCallerWhoHangsUpMidEntryEndsTheRunAndTheServerLetsTheChannelGo() {
        Session s = asterisk().caller("").uniqueId("1.6").run("identify", hangUp());
        assertThat(s.commands()).filteredOn(c -> c.startsWith("GET DATA")).hasSize(1);
        assertThat(s.commands().get(s.commands().size() - 1)).as("no command after the dead channel's 511")
                .doesNotStartWith("GET DATA");
        assertThat(db.lastRun("1.6")).containsEntry("outcome", "hung_up");
    }

    @Test
    void aCallerInAnOutageHearsItWithTheRestoreTimeAndPresses2ForAnAgent() {
        Session s = asterisk().caller(IN_OUTAGE_NUMBER).uniqueId("1.7").variable(IvrVariables.PATH, "entry")
                .run("outage-notice", keys("2"));
        assertThat(s.played()).containsExactly(Prompt.OUTAGE_UNPLANNED.file(), Prompt.OUTAGE_EXPECTED_RESTORE.file(),
                Prompt.TOMORROW.file(), Prompt.AFTERNOON.file(), Prompt.DIGIT_3.file(), Prompt.HOUR.file(),
                Prompt.HALF.file(), Prompt.OUTAGE_MENU.file());
        assertThat(s.variable(IvrVariables.OUTAGE)).isEqualTo(db.outageNo);
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("entry>outage=" + db.outageNo + ":agent");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
    }

    @Test
    void aCallerWhoPressesNothingHearsTheNoticeTwiceAndTheCallEndsAsDeflected() {
        Session s = asterisk().caller(IN_OUTAGE_NUMBER).uniqueId("1.8").run("outage-notice", silence(), silence());
        assertThat(s.played()).filteredOn(Prompt.OUTAGE_MENU.file()::equals).hasSize(2);
        assertThat(s.played().get(s.played().size() - 1)).isEqualTo(Prompt.GOODBYE.file());
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("outage=" + db.outageNo + ":heard");
        assertThat((String) db.lastRun("1.8").get("facts")).contains("\"deflected\": true");
    }

    @Test
    void pressing1DuringTheNoticeStopsItAndPlaysItAgain() {
        Session s = asterisk().caller(IN_OUTAGE_NUMBER).run("outage-notice", bargeIn('1'), keys("2"));
        assertThat(s.played().get(0)).isEqualTo(Prompt.OUTAGE_UNPLANNED.file());
        assertThat(s.played().subList(1, s.played().size())).startsWith(Prompt.OUTAGE_UNPLANNED.file())
                .endsWith(Prompt.OUTAGE_MENU.file());
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
    }

    @Test
    void theOutageIsFoundByTheKeyedAccountWhenTheNumberIsUnknown() {
        Session s = asterisk().caller("").variable(IvrVariables.ACCOUNT, ACCOUNT_IN_OUTAGE)
                .run("outage-notice", keys("2"));
        assertThat(s.variable(IvrVariables.OUTAGE)).isEqualTo(db.outageNo);
        Session none = asterisk().caller(IN_OUTAGE_NUMBER).variable(IvrVariables.ACCOUNT, ACCOUNT_ONE)
                .run("outage-notice");
        assertThat(none.played()).isEmpty();
        assertThat(none.variable(IvrVariables.PATH)).isEqualTo("outage=none");
    }

    @Test
    void anUnknownScriptSendsTheCallerToTheQueueAndSaysSoInThePath() {
        Session s = asterisk().uniqueId("1.11").run("no-such-script<b>");
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("unknown-script:no-such-scriptb");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(db.lastRun("1.11")).containsEntry("script", "unknown").containsEntry("outcome", "unknown_script");
    }

    @Test
    void aFailingScriptApologisesAndSendsTheCallerToTheQueue() {
        Session s = asterisk().uniqueId("1.12").run("broken");
        assertThat(s.played()).containsExactly(Prompt.SORRY_TRANSFER.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("broken>broken:fallback");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(db.lastRun("1.12")).containsEntry("outcome", "fallback");
    }

    @Test
    void aPeerNotAllowedIsClosedBeforeAnyCommand() throws IOException {
        IvrProperties d = IvrProperties.defaults();
        IvrTestServer closed = new IvrTestServer(db, new IvrProperties(true, "127.0.0.1", 0, List.of("192.0.2.1"), 2, 10,
                d.readTimeout(), d.digitTimeout(), d.retries(), d.maxAccountDigits(), d.accountCheckDigit(),
                d.menuRepeats(), d.zone(), "repair"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), closed.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("agi_network_script: identify\n\n".getBytes(StandardCharsets.UTF_8));
            assertThat(socket.getInputStream().read()).as("closed without a command").isEqualTo(-1);
        } finally {
            closed.close();
        }
    }

    @Test
    void aLineLongerThanTheLimitDropsTheSessionAndTheServerGoesOn() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("agi_network_script: identify\nagi_callerid: 02100000000\n\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            while (in.read() != '\n') {
                // the GET DATA line
            }
            out.write(("200 result=" + "1".repeat(10_000) + "\n").getBytes(StandardCharsets.UTF_8));
            int b;
            while ((b = in.read()) >= 0 && b != -1) {
                // whatever the server says before it closes
            }
            assertThat(b).isEqualTo(-1);
        }
        Session after = asterisk().caller(ONE_ACCOUNT_NUMBER).run("identify");
        assertThat(after.variable(IvrVariables.ACCOUNT)).isEqualTo(ACCOUNT_ONE);
    }

    @Test
    void theDigitTimeoutIsSentAsMilliseconds() {
        Session s = asterisk().caller("").run("identify", keys(ACCOUNT_ONE + "#"));
        assertThat(s.commands()).anyMatch(c -> c.equals("GET DATA \"" + Prompt.ENTER_ACCOUNT.file() + "\" "
                + Duration.ofSeconds(5).toMillis() + " 21"));
    }
}
