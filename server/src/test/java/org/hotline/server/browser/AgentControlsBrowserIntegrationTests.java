package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallState;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.push.PopStore;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.ReadyDesks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The agent's desk and call controls in a real headless Chromium against the simulator (issue #3). Same server
 * settings as {@code AgentPageBrowserIntegrationTests}, so they share one Spring context; every test leaves its agent
 * ready so the others' calls still ring.
 */
@SimulatedServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentControlsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final String ONLINE = "已连接";
    private static final Duration PATIENT = Duration.ofMinutes(30);
    private static final List<String> ALL_AGENTS = List.of("agent1001", "agent1002", "agent1003", "agent1004",
            "agent2001", "agent2002", "agent2003");

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    Presence presence;

    @Autowired
    CallTracker tracker;

    @Autowired
    org.hotline.cti.push.PushBus bus;

    @Autowired
    PopStore pops;

    private final List<CallHandle> calls = new ArrayList<>();
    private final List<String> agents = new ArrayList<>();

    @Autowired
    AgentDirectory agentDirectory;

    @BeforeEach
    void amiIsConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        // a page another class opened and left pauses its agent (issue #16): every desk ready for the calls here
        ReadyDesks.all(presence, agentDirectory);
    }

    @AfterEach
    void leaveAgentsReady() {
        calls.forEach(CallHandle::hangup);
        for (String agent : agents) {
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                DeskState s = presence.status(agent).state();
                if (s == DeskState.WRAP_UP) {
                    presence.finishWrapUp(agent);
                } else if (s != DeskState.READY) {
                    presence.ready(agent);
                }
                return presence.status(agent).state() == DeskState.READY;
            });
        }
        // ended pops linger for 30 s: the classes sharing this context expect their agents to start without pops
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.calls().isEmpty());
        calls.clear();
        agents.clear();
    }

    /** Ended pops linger: the classes sharing this context expect their agents to start without any. */
    @AfterAll
    void popsHaveLingeredAway() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ALL_AGENTS.stream()
                .allMatch(a -> pops.current(a).isEmpty()));
    }

    @Test
    void readyPauseWithReasonThenARingingCallIsAnsweredAndTheWrapUpCountsDownUntilFinished() {
        logInAndAwaitOnline("agent1004");
        assertThat(deskState()).isEqualTo("就绪");
        new Select(browser.await(By.id("pause-reason"), e -> !e.findElements(By.tagName("option")).isEmpty()))
                .selectByValue("lunch");
        browser.await(By.id("btn-pause")).click();
        browser.await(By.id("desk-state"), e -> e.getText().equals("置忙 · 午休"));
        assertThat(toasts()).anyMatch(t -> t.contains("已置忙"));
        assertThat(memberPausedReason("Local/1004@agents")).isEqualTo("lunch");

        browser.await(By.id("btn-ready"), WebElement::isEnabled).click();
        browser.await(By.id("desk-state"), e -> e.getText().equals("就绪"));

        CallHandle call = place(CallSpec.of("13800138000", "hotline").withCallerName("张三")
                .withOutcome(new Outcome.RingUntilTold("1004")));
        browser.await(By.id("desk-state"), e -> e.getText().equals("振铃"));
        call.answer();
        browser.await(By.id("desk-state"), e -> e.getText().equals("通话中"));
        assertThat(browser.await(By.id("call-info")).getText()).contains("13800138000");
        call.hangup();

        browser.await(By.id("desk-state"), e -> e.getText().equals("事后处理"));
        WebElement left = browser.await(By.id("wrapup-left"), e -> e.getText().startsWith("事后处理剩余"));
        int first = seconds(left.getText());
        browser.await(By.id("wrapup-left"), e -> seconds(e.getText()) < first);
        assertThat(memberPausedReason("Local/1004@agents")).isEqualTo("wrapup");
        browser.screenshot("agent-controls-wrapup");
        browser.await(By.id("btn-wrapup-finish")).click();
        browser.await(By.id("desk-state"), e -> e.getText().equals("就绪"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void blindTransferToAnotherAgentHandsTheCallerOverAndFreesTheDesk() {
        logInAndAwaitOnline("agent1003");
        CallHandle call = place(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold("1003")).withTalkTime(Duration.ofMinutes(10)));
        call.ringing().join();
        call.answer();
        browser.await(By.id("desk-state"), e -> e.getText().equals("通话中"));
        browser.await(By.id("btn-transfer"), WebElement::isEnabled).click();
        new Select(browser.await(By.id("transfer-type"), WebElement::isDisplayed)).selectByValue("agent");
        browser.await(By.id("transfer-target")).sendKeys("1002");
        new Select(browser.await(By.id("transfer-kind"))).selectByValue("blind");
        browser.await(By.id("btn-transfer-go")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> toasts().stream().anyMatch(t -> t.equals("已转接至 1002")));
        browser.await(By.id("desk-state"), e -> !e.getText().equals("通话中"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.calls().stream()
                .anyMatch(c -> c.callId().value().equals(call.linkedid())
                        && (c.ringing().stream().anyMatch(a -> a.value().equals("Local/1002@agents"))
                        || (c.agent() != null && c.agent().value().equals("Local/1002@agents")))));
    }

    @Test
    void clickToDialFromAPhoneThePbxCannotReachShowsTheError() {
        servers.simulator().phoneOnline("1002", false);
        try {
            logInAndAwaitOnline("agent1002");
            browser.await(By.id("dial-number")).sendKeys("13800138000");
            browser.await(By.id("btn-dial")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.all(By.cssSelector(".toast-error")).stream()
                    .anyMatch(e -> e.getText().equals("未执行: 您的话机离线或无法接通")));
            browser.screenshot("agent-controls-dial-error");
        } finally {
            servers.simulator().phoneOnline("1002", true);
        }
    }

    @Test
    void clickToDialRingsTheAgentsPhoneThenTalksToTheNumberWithItsPopAndHangingUpStartsTheWrapUp() {
        logInAndAwaitOnline("agent2003");
        useTheDesk();
        browser.await(By.id("dial-number")).sendKeys("13800138000");
        browser.await(By.id("btn-dial")).click();

        browser.await(By.id("desk-state"), e -> e.getText().equals("通话中"));
        assertThat(browser.await(By.id("call-info")).getText()).contains("13800138000");
        WebElement pop = browser.await(By.cssSelector("#pops article.pop"),
                e -> "ANSWERED".equals(e.getDomAttribute("data-status")));
        assertThat(Browser.textContent(pop.findElement(By.cssSelector(".caller-number")))).isEqualTo("13800138000");
        // the agent placed it: an outgoing call, not 来电 (issue #16)
        assertThat(pop.getDomAttribute("data-direction")).isEqualTo("out");
        assertThat(Browser.textContent(pop.findElement(By.cssSelector(".direction")))).isEqualTo("外呼");
        // the customer's card is looked up by the dialled number, as for an incoming call
        await().atMost(Duration.ofSeconds(10)).until(() -> Browser.textContent(pop).contains("张三"));
        String callId = pop.getDomAttribute("data-call-id");
        assertThat(tracker.call(new CallId(callId))).hasValueSatisfying(c -> {
            assertThat(c.state()).isEqualTo(CallState.TALKING);
            assertThat(c.agent()).isEqualTo(AgentInterface.of("Local/2003@agents"));
        });
        browser.screenshot("agent-controls-click-to-dial");

        browser.await(By.id("btn-hangup"), WebElement::isEnabled).click();
        browser.await(By.id("desk-state"), e -> e.getText().equals("事后处理"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.call(new CallId(callId)).isEmpty());
    }

    @Test
    void holdPutsTheCustomerOnMusicAndResumeBridgesTheCallAgainWhileTheDeskStaysTalking() {
        logInAndAwaitOnline("agent2001");
        CallHandle call = place(CallSpec.of("13800138000", "gas")
                .withOutcome(new Outcome.RingUntilTold("2001")).withTalkTime(Duration.ofMinutes(10)));
        call.ringing().join();
        call.answer();
        browser.await(By.id("desk-state"), e -> e.getText().equals("通话中"));
        CallId id = new CallId(call.linkedid());

        browser.await(By.id("btn-hold"), WebElement::isEnabled).click();
        browser.await(By.id("call-info"), e -> e.getText().contains("保持中"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.call(id).map(c -> c.state() == CallState.ON_HOLD)
                .orElse(false));
        assertThat(toasts()).anyMatch(t -> t.equals("客户已保持"));
        assertThat(deskState()).isEqualTo("通话中");
        // the pop follows the hold: 保持中, not 通话中 (issue #16)
        browser.await(By.cssSelector("#pops article.pop[data-call-id='" + call.linkedid() + "'] .status"),
                e -> e.getText().equals("保持中"));
        browser.screenshot("agent-controls-hold");

        browser.await(By.id("btn-unhold"), WebElement::isDisplayed).click();
        browser.await(By.id("call-info"), e -> !e.getText().contains("保持中") && e.getText().contains("13800138000"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.call(id).map(c -> c.state() == CallState.TALKING
                && AgentInterface.of("Local/2001@agents").equals(c.agent())).orElse(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> toasts().stream().anyMatch(t -> t.equals("已取回通话")));
        assertThat(deskState()).isEqualTo("通话中");
        browser.await(By.cssSelector("#pops article.pop[data-call-id='" + call.linkedid() + "'] .status"),
                e -> e.getText().equals("通话中"));
    }

    @Test
    void attendedTransferConsultsTheOtherAgentAndHangingUpHandsTheCallerOver() {
        logInAndAwaitOnline("agent1004");
        useTheDesk();
        CallHandle call = place(CallSpec.of("13800138000", "hotline")
                .withOutcome(new Outcome.RingUntilTold("1004")).withTalkTime(Duration.ofMinutes(10)));
        call.ringing().join();
        call.answer();
        browser.await(By.id("desk-state"), e -> e.getText().equals("通话中"));
        CallId id = new CallId(call.linkedid());
        browser.await(By.id("btn-transfer"), WebElement::isEnabled).click();
        new Select(browser.await(By.id("transfer-type"), WebElement::isDisplayed)).selectByValue("agent");
        browser.await(By.id("transfer-target")).sendKeys("2002");
        new Select(browser.await(By.id("transfer-kind"))).selectByValue("attended");
        browser.await(By.id("btn-transfer-go")).click();
        // an attended transfer is done when the consultation started: the toast says so, not "transferred"
        await().atMost(Duration.ofSeconds(10)).until(() -> toasts().stream()
                .anyMatch(t -> t.startsWith("正在咨询 2002")));

        // the consultation: agent 2002 answers while the customer hears music, agent 1004 is still on the call
        // (ADR 0017: the call is on hold with 1004 until the transfer completes)
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.call(id).map(c -> c.state() == CallState.ON_HOLD
                && AgentInterface.of("Local/1004@agents").equals(c.agent())).orElse(false)
                && tracker.agents().stream().anyMatch(a -> a.agent().equals(AgentInterface.of("Local/2002@agents"))
                        && a.state() == org.hotline.cti.call.AgentState.IN_CALL));
        assertThat(deskState()).isEqualTo("通话中");
        browser.await(By.id("btn-hangup"), WebElement::isEnabled).click();

        browser.await(By.id("desk-state"), e -> e.getText().equals("事后处理"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.agents().stream().anyMatch(a -> a.agent()
                .equals(AgentInterface.of("Local/1004@agents")) && a.call() == null));
        assertThat(tracker.call(id)).hasValueSatisfying(c -> {
            assertThat(c.state()).isEqualTo(CallState.TALKING);
            assertThat(c.agent()).isEqualTo(AgentInterface.of("Local/2002@agents"));
        });
        assertThat(call.ended()).isNotDone();
    }

    @Test
    void anotherAgentCannotHangUpACallThatIsNotOnTheirPhone() {
        CallHandle call = place(CallSpec.of("13800138000", "hotline").withOutcome(new Outcome.RingUntilTold("1001"))
                .withTalkTime(Duration.ofMinutes(10)));
        call.ringing().join();
        call.answer();
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.call(new org.hotline.cti.call.CallId(
                call.linkedid())).map(c -> c.agent() != null).orElse(false));
        try (AgentClient other = AgentClient.login(port, "agent1002", DemoUsers.AGENT_PASSWORD)) {
            HttpResponse<String> r = other.postJson("/api/control/hangup", "{\"callId\":\"" + call.linkedid() + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(r.body()).contains("not on your phone");
        }
        assertThat(tracker.call(new org.hotline.cti.call.CallId(call.linkedid()))).isPresent();
    }

    @Test
    void aDesktopGoneLongerThanTheGraceIsPausedLaggedAndReadyAgainWhenItComesBack() {
        logInAndAwaitOnline("agent2002");
        browser.await(By.id("btn-pause")).click();
        browser.await(By.id("btn-ready"), WebElement::isEnabled).click();
        browser.await(By.id("desk-state"), e -> e.getText().equals("就绪"));

        browser.open("about:blank");
        await().atMost(Duration.ofSeconds(30)).until(() -> presence.status("agent2002").state() == DeskState.LAGGED);
        await().atMost(Duration.ofSeconds(10)).until(() -> "lagged".equals(memberPausedReason("Local/2002@agents")));

        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var sub = bus.subscribe(m -> seen.add(m.target() + " " + m.payload()))) {
            browser.open(url("/agent.html"));
            await().atMost(Duration.ofSeconds(15)).until(() -> presence.status("agent2002").state() == DeskState.READY);
            browser.await(By.id("desk-state"), e -> e.getText().equals("就绪"));
            await().atMost(Duration.ofSeconds(10)).until(() -> memberPausedReason("Local/2002@agents") == null);
        } catch (RuntimeException e) {
            throw new AssertionError("pushed: " + seen + " members: " + tracker.agents(), e);
        }
    }

    @Test
    void aSupervisorForcePauseShowsOnTheAgentsDeskAtOnceAndIsAudited() {
        logInAndAwaitOnline("agent2001");
        try (AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
             AgentClient agent = AgentClient.login(port, "agent2001", DemoUsers.AGENT_PASSWORD)) {
            assertThat(agent.postJson("/api/supervisor/agents/agent2001/pause", "{\"reason\":\"meeting\"}")
                    .statusCode()).isEqualTo(403);
            HttpResponse<String> r = supervisor.postJson("/api/supervisor/agents/agent2001/pause",
                    "{\"reason\":\"meeting\"}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"state\":\"PAUSED\"");
        }
        browser.await(By.id("desk-state"), e -> e.getText().equals("置忙 · 会议"));
        assertThat(toasts()).anyMatch(t -> t.contains("班长已将您置为"));
        assertThat(memberPausedReason("Local/2001@agents")).isEqualTo("meeting");
    }

    /** Wrap-up applies only to agents who used the desk (ADR 0010): pause and ready again. */
    private void useTheDesk() {
        browser.await(By.id("btn-pause"), WebElement::isEnabled).click();
        browser.await(By.id("btn-ready"), WebElement::isEnabled).click();
        browser.await(By.id("desk-state"), e -> e.getText().equals("就绪"));
    }

    private String memberPausedReason(String iface) {
        for (AgentView v : tracker.agents()) {
            if (v.agent().value().equals(iface)) {
                return v.pausedReason() == null || v.pausedReason().isEmpty() ? null : v.pausedReason();
            }
        }
        return null;
    }

    private static int seconds(String text) {
        return Integer.parseInt(text.replaceAll("[^0-9]", ""));
    }

    private String deskState() {
        return browser.await(By.id("desk-state"), e -> !e.getText().isEmpty()).getText();
    }

    private List<String> toasts() {
        return browser.all(By.cssSelector("#toasts .toast")).stream().map(Browser::textContent).toList();
    }

    private void logInAndAwaitOnline(String username) {
        agents.add(username);
        browser.open(url("/login.html"));
        WebElement button = browser.await(By.id("login-button"), WebElement::isEnabled);
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.AGENT_PASSWORD);
        button.click();
        browser.awaitUrl(u -> u.endsWith("/agent.html"));
        browser.await(By.id("connection"), e -> e.getText().equals(ONLINE));
    }

    private CallHandle place(CallSpec spec) {
        CallHandle call = servers.simulator().placeCall(spec.withPatience(PATIENT));
        calls.add(call);
        return call;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
