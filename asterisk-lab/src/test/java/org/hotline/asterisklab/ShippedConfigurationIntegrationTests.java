package org.hotline.asterisklab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The configuration in docker/asterisk loads in a real Asterisk 22 as shipped, and a hotline call flows through it. */
class ShippedConfigurationIntegrationTests {

    static LabAsterisk asterisk;
    static LabPbx pbx;

    @BeforeAll
    static void start() {
        asterisk = LiveAsterisk.shared();
        pbx = new LabPbx(asterisk);
    }

    @AfterAll
    static void stop() {
        if (pbx != null) {
            pbx.close();
        }
    }

    @Test
    void shippedConfigurationLoadsWithoutWarningsOrErrors() {
        assertThat(asterisk.logProblems()).as(asterisk.logTail(60)).isEmpty();
        assertThat(asterisk.cli("module show like app_queue")).contains("app_queue.so");
        assertThat(asterisk.cli("queue show hotline")).contains("hotline has 0 calls");
    }

    @Test
    void hotlineUserHasLeastPrivilegeAndCannotRunCommands() {
        LabAmi hotline = LabAmi.connect(asterisk.amiPort(), LabAsterisk.HOTLINE_USER, asterisk.hotlineSecret());
        try {
            assertThat(hotline.actionAnyResponse("Command", "Command", "core show version").get("Response"))
                    .isEqualTo("Error");
            assertThat(hotline.actionAnyResponse("QueueStatus", "Queue", "hotline").get("Response"))
                    .isEqualTo("Success");
        } finally {
            hotline.close();
        }
    }

    @Test
    void callerToTheHotlineNumberQueuesAndIsAnsweredByALoggedInAgent() {
        pbx.ami().action("QueueAdd", "Queue", "hotline", "Interface", "Local/1901@agents/n",
                "MemberName", "Agent 1901", "StateInterface", "hint:1901@agents");
        try {
            pbx.phoneAnswers("1901", Duration.ZERO);
            LabPbx.LabCall call = pbx.call("95598", "13800138000", Duration.ofSeconds(30));
            pbx.ami().awaitEvent(e -> e.is("AgentConnect") && call.linkedid().equals(e.get("Linkedid")),
                    Duration.ofSeconds(15));
            call.hangup();
            await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.queueLog().stream()
                    .anyMatch(l -> l.contains("|hotline|Agent 1901|COMPLETE")));
            assertThat(asterisk.queueLog()).anyMatch(l -> l.contains("|hotline|NONE|ENTERQUEUE||13800138000|"));
        } finally {
            pbx.ami().action("QueueRemove", "Queue", "hotline", "Interface", "Local/1901@agents/n");
        }
    }
}
