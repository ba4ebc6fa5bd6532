package org.hotline.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ivr.FakeAsterisk.keys;
import static org.hotline.ivr.FakeAsterisk.silence;
import static org.hotline.ivr.IvrTestDatabase.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ivr.FakeAsterisk.Session;
import org.junit.jupiter.api.Test;

/** The arrears and fault-report scripts over FastAGI, with the SMS and work-order ports recorded. */
class ArrearsAndFaultScriptsIntegrationTests extends IvrServerTest {


    private static List<String> files(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Prompt prompt) {
                out.add(prompt.file());
            } else {
                for (Object o : (List<?>) p) {
                    out.add(((Prompt) o).file());
                }
            }
        }
        return out;
    }

    @Test
    void aMobileCallerHearsWhatIsOwedAndByWhenAndGetsThePaymentDetailsBySms() {
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).uniqueId("2.1").run("arrears", keys("1"));
        assertThat(s.played()).containsExactlyElementsOf(files(Prompt.ARREARS_OWED,
                Speech.amount(new java.math.BigDecimal("123.05")), Prompt.ARREARS_DUE,
                Speech.date(java.time.LocalDate.of(2026, 12, 20), java.time.LocalDate.of(2026, 12, 7)),
                Prompt.ARREARS_MENU_SMS, Prompt.SMS_SENT, Prompt.GOODBYE));
        assertThat(server.texts).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("ivr-arrears:2.1:" + ACCOUNT_ONE);
            assertThat(t.purpose()).isEqualTo(IvrSms.Purpose.ARREARS_PAYMENT);
            assertThat(t.number()).isEqualTo(ONE_ACCOUNT_NUMBER);
            assertThat(t.fields()).containsEntry("amount", "123.05").containsEntry("dueDate", "2026-12-20")
                    .containsEntry("accountNo", ACCOUNT_ONE);
        });
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("identify=number>arrears=owed:sms");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
        assertThat((String) db.lastRun("2.1").get("facts")).contains("\"sms\": \"queued\"");
    }

    @Test
    void aLandlineCallerIsNotOfferedAnSmsAndAnOverdueAccountIsSaidToBeOverdue() {
        Session s = server.asterisk().caller("02100000000").variable(IvrVariables.ACCOUNT, ACCOUNT_IN_OUTAGE)
                .run("arrears", keys("2"));
        assertThat(s.played()).contains(Prompt.ARREARS_OVERDUE.file(), Prompt.ARREARS_MENU.file())
                .doesNotContain(Prompt.ARREARS_MENU_SMS.file(), Prompt.ENTER_ACCOUNT.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("arrears=owed:agent");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(server.texts).isEmpty();
    }

    @Test
    void anAccountThatOwesNothingIsToldSo() {
        Session s = server.asterisk().caller("").variable(IvrVariables.ACCOUNT, "1000000002").run("arrears");
        assertThat(s.played()).containsExactly(Prompt.ARREARS_NONE.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("arrears=none");
    }

    @Test
    void whenTheSmsGatewayIsDownTheCallerIsToldAndGoesToAnAgent() {
        server.smsAnswer = r -> {
            throw new IllegalStateException("outbox: connection refused");
        };
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("arrears", keys("1"));
        assertThat(s.played()).endsWith(Prompt.SMS_FAILED.file());
        assertThat(s.variable(IvrVariables.PATH)).endsWith("arrears=owed:sms-failed");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
    }

    @Test
    void aFaultIsReportedOnTheConfirmedAccountAndItsOrderNumberIsSaidAndTexted() {
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).uniqueId("2.5").run("fault-report", keys("1"),
                keys("1"));
        assertThat(s.played()).startsWith(files(Prompt.FAULT_CONFIRM_ACCOUNT, Speech.digits(ACCOUNT_ONE),
                Prompt.FAULT_CONFIRM_MENU, Prompt.FAULT_KIND_MENU, Prompt.FAULT_CREATED,
                Speech.digits("000123")).toArray(String[]::new));
        assertThat(s.played()).endsWith(Prompt.SMS_SENT.file(), Prompt.GOODBYE.file());
        assertThat(server.reports).singleElement().satisfies(r -> {
            assertThat(r.callId()).isEqualTo("2.5");
            assertThat(r.customerId()).isEqualTo(db.customerOne);
            assertThat(r.kind()).isEqualTo(FaultReports.Kind.NO_POWER);
            assertThat(r.number()).isEqualTo(ONE_ACCOUNT_NUMBER);
        });
        assertThat(server.texts).singleElement().satisfies(t -> {
            assertThat(t.purpose()).isEqualTo(IvrSms.Purpose.FAULT_REPORTED);
            assertThat(t.fields()).containsEntry("orderNo", "WO20261207-000123");
        });
        assertThat(s.variable(IvrVariables.WORK_ORDER)).isEqualTo("WO20261207-000123");
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("identify=number>fault=WO20261207-000123");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
    }

    @Test
    void aDangerousFaultIsRecordedAndPutThroughToAnAgent() {
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("fault-report", keys("1"), keys("3"));
        assertThat(server.reports).singleElement().extracting(FaultReports.Report::kind)
                .isEqualTo(FaultReports.Kind.DANGER);
        assertThat(s.played()).endsWith(Prompt.FAULT_DANGER.file());
        assertThat(s.variable(IvrVariables.PATH)).endsWith("fault=WO20261207-000123:danger");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
    }

    @Test
    void aFaultUnderAnOutageTellsTheOutageAndItsRestoreTimeInsteadOfANewOrder() {
        server.faultAnswer = r -> new FaultReports.InOutage(db.outageNo, Instant.parse("2026-12-08T07:30:00Z"));
        Session s = server.asterisk().caller(IN_OUTAGE_NUMBER).run("fault-report", keys("1"), keys("1"));
        assertThat(s.played()).containsSequence(files(Prompt.FAULT_IN_OUTAGE, Prompt.OUTAGE_EXPECTED_RESTORE,
                Prompt.TOMORROW, Prompt.AFTERNOON, Prompt.DIGIT_3, Prompt.HOUR, Prompt.HALF));
        assertThat(s.variable(IvrVariables.OUTAGE)).isEqualTo(db.outageNo);
        assertThat(s.variable(IvrVariables.WORK_ORDER)).isNull();
        assertThat(server.texts).singleElement().satisfies(t -> {
            assertThat(t.purpose()).isEqualTo(IvrSms.Purpose.FAULT_IN_OUTAGE);
            assertThat(t.fields()).containsEntry("outageNo", db.outageNo).containsEntry("end", "2026-12-08T07:30:00Z");
        });
    }

    @Test
    void anOpenOrderOnThePremisesIsToldInsteadOfASecondOne() {
        server.faultAnswer = r -> new FaultReports.AlreadyOpen("WO20261206-000042");
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("fault-report", keys("1"), keys("4"));
        assertThat(s.played()).containsSequence(files(Prompt.FAULT_ALREADY_OPEN, Speech.digits("000042")));
        assertThat(s.variable(IvrVariables.WORK_ORDER)).isEqualTo("WO20261206-000042");
        assertThat(s.variable(IvrVariables.PATH)).endsWith("fault=open:WO20261206-000042");
    }

    @Test
    void aRefusedReportGoesToAnAgentWithTheReasonRecorded() {
        server.faultAnswer = r -> new FaultReports.Refused("premises 7 has no repair centre");
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).uniqueId("2.9").run("fault-report", keys("1"),
                keys("2"));
        assertThat(s.played()).endsWith(Prompt.SORRY_TRANSFER.file());
        assertThat(s.variable(IvrVariables.PATH)).endsWith("fault=refused");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat((String) db.lastRun("2.9").get("facts")).contains("no repair centre");
    }

    @Test
    void pressing2AtTheConfirmationAsksForAnotherAccountEvenWhenTheNumberNamesOne() {
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("fault-report", keys("2"),
                keys(ACCOUNT_IN_OUTAGE + "#"), keys("1"), keys("1"));
        assertThat(s.played()).contains(Prompt.ENTER_ACCOUNT.file());
        assertThat(s.variable(IvrVariables.ACCOUNT)).isEqualTo(ACCOUNT_IN_OUTAGE);
        assertThat(server.reports).singleElement().extracting(FaultReports.Report::premisesId)
                .isNotEqualTo(0L);
    }

    @Test
    void whenWorkOrdersCannotBeReachedTheCallerIsSentOnWithAnApology() {
        server.faultAnswer = r -> {
            throw new IllegalStateException("work orders: connection refused");
        };
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("fault-report", keys("1"), keys("1"));
        assertThat(s.played()).endsWith(Prompt.SORRY_TRANSFER.file());
        assertThat(s.variable(IvrVariables.PATH)).endsWith("fault-report:fallback");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
    }

    @Test
    void noFaultKindChosenGoesToAnAgent() {
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).run("fault-report", keys("1"), silence(), silence(),
                silence());
        assertThat(s.played()).filteredOn(Prompt.FAULT_KIND_MENU.file()::equals).hasSize(3);
        assertThat(s.variable(IvrVariables.PATH)).endsWith("fault=no-kind");
        assertThat(server.reports).isEmpty();
    }
}
