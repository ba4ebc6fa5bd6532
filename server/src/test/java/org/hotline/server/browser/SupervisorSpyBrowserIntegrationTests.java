package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisor page's listen, whisper and barge buttons in Chromium against the simulator (docs/adr/0031): they
 * show only on a talking agent's row, and the page says in Chinese when the supervisor's phone is on the call.
 */
@SimulatedServerTest
class SupervisorSpyBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    CallTracker tracker;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory directory;

    @Autowired
    org.hotline.cti.wallboard.WallboardService wallboard;

    private final List<CallHandle> calls = new ArrayList<>();

    @BeforeEach
    void deskReady() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, directory);
        wallboard.loadDirectory(); // the demo's users were created after the wallboard first read them
    }

    @AfterEach
    void hangUp() {
        calls.forEach(CallHandle::hangup);
        await().atMost(Duration.ofSeconds(15)).until(() -> tracker.calls().isEmpty());
        ReadyDesks.all(presence, directory);
    }

    @Test
    void listenOnATalkingAgentsRowSaysTheSupervisorsPhoneIsListening() {
        CallHandle call = servers.simulator().placeCall(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold("1002")).withPatience(Duration.ofMinutes(5))
                .withTalkTime(Duration.ofMinutes(5)));
        calls.add(call);
        call.ringing().join();
        call.answer();
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.call(new CallId(call.linkedid()))
                .map(c -> c.state() == CallState.TALKING).orElse(false));

        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            browser.logIn("http://127.0.0.1:" + port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
            browser.open("http://127.0.0.1:" + port + "/supervisor.html");
            browser.await(By.cssSelector("tr[data-username='agent1002'] button.spy-listen"));
            assertThat(browser.all(By.cssSelector("tr[data-username='agent1003'] button.spy"))).isEmpty();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                browser.driver().findElement(By.cssSelector("tr[data-username='agent1002'] button.spy-listen"))
                        .click();
                return true;
            });
            WebElement status = browser.await(By.id("action-status"), e -> e.getText().contains("您的分机正在监听"));
            assertThat(status.getText()).startsWith("刘建军");
            browser.script("document.getElementById('agents').scrollIntoView()");
            browser.screenshot("supervisor-spy-" + size.getWidth() + "x" + size.getHeight());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void theAgentsDeskSaysWhoListensWhenTheCompanyTellsAgents() throws Exception {
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.logIn("http://127.0.0.1:" + port, "agent1002", DemoUsers.AGENT_PASSWORD);
        browser.open("http://127.0.0.1:" + port + "/agent.html");
        browser.await(By.cssSelector("#connection.up"), WebElement::isDisplayed);
        CallHandle call = servers.simulator().placeCall(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold("1002")).withPatience(Duration.ofMinutes(5))
                .withTalkTime(Duration.ofMinutes(5)));
        calls.add(call);
        call.ringing().join();
        call.answer();
        browser.await(By.id("rec-toggle"), WebElement::isDisplayed);

        try (org.hotline.server.testing.AgentClient sup = org.hotline.server.testing.AgentClient.login(port,
                "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            assertThat(sup.postJson("/api/supervisor/agents/agent1002/spy", "{\"mode\":\"whisper\"}").statusCode())
                    .isEqualTo(200);
        }

        browser.await(By.id("spy-notice"), e -> e.getText().equals("值班长 林海 正在与您耳语（客户听不到）"));
        browser.screenshot("agent-told-of-whisper-1366x768");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
