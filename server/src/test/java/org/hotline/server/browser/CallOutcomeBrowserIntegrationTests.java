package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskRules;
import org.hotline.cti.presence.DeskRulesStore;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.push.PopStore;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The call outcome on the agent's desk in Chromium (ADR 0036): in a queue that requires one, finishing the wrap-up
 * without it is refused in the agent's language, and choosing one lets the wrap-up end; in Chinese and in English.
 */
@SimulatedServerTest
class CallOutcomeBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final String AGENT = "agent1002";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory agentDirectory;

    @Autowired
    DeskRulesStore rules;

    @Autowired
    CallTracker tracker;

    @Autowired
    PopStore pops;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void outcomesForTheHotlineQueue() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, agentDirectory);
        rules.putDisposition(new DeskRulesStore.StoredDisposition(new DeskRules.Disposition("br-solved", "已当场解决",
                "Solved on the call", Set.of("hotline"), true), 1), "test");
        rules.putDisposition(new DeskRulesStore.StoredDisposition(new DeskRules.Disposition("br-order", "已派工单",
                "Work order made", Set.of(), true), 2), "test");
        rules.setDispositionRequired("hotline", true);
    }

    @AfterEach
    void noQueueRequiresOneAndChineseAgain() {
        rules.setDispositionRequired("hotline", false);
        jdbc.update("update users set language = null where username = ?", AGENT);
        ReadyDesks.all(presence, agentDirectory);
        // the pop lingers after the call: the classes sharing this context expect their agents to start without one
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.calls().isEmpty());
        await().atMost(Duration.ofSeconds(90)).until(() -> pops.current(AGENT).isEmpty());
    }

    @Test
    void theWrapUpEndsOnlyOnceAnOutcomeIsChosenInChineseAndInEnglish() {
        jdbc.update("update users set language = null where username = ?", AGENT);
        browser.logIn(url(""), AGENT, DemoUsers.AGENT_PASSWORD);
        browser.open(url("/agent.html"));
        browser.await(By.id("connection"), e -> e.getText().equals("已连接"));
        // a desk command: the desk's wrap-up applies to agents who use it
        browser.await(By.id("btn-pause"), WebElement::isEnabled).click();
        browser.await(By.id("btn-ready"), WebElement::isEnabled).click();
        browser.await(By.id("desk-state"), e -> e.getText().equals("就绪"));

        wrapUpACall();
        assertThat(browser.await(By.id("outcome"), WebElement::isDisplayed).getText()).contains("通话结果")
                .contains("必选");
        assertThat(new Select(browser.await(By.id("outcome-select"))).getOptions()).extracting(WebElement::getText)
                .containsExactly("请选择通话结果", "已当场解决", "已派工单");
        browser.await(By.id("btn-wrapup-finish")).click();
        browser.await(By.cssSelector("#toasts .toast-error"), e -> Browser.textContent(e).contains("请先选择通话结果"));
        assertThat(presence.status(AGENT).state()).isEqualTo(DeskState.WRAP_UP);
        browser.screenshot("outcome-required-zh");

        new Select(browser.await(By.id("outcome-select"))).selectByValue("br-solved");
        browser.await(By.id("outcome-status"), e -> e.getText().equals("通话结果已记录：已当场解决"));
        browser.await(By.id("btn-wrapup-finish")).click();
        browser.await(By.id("desk-state"), e -> e.getText().equals("就绪"));
        assertThat(browser.await(By.id("outcome")).isDisplayed()).isFalse();

        browser.await(By.id("lang-switch")).click();
        browser.await(By.tagName("html"), e -> "en".equals(e.getDomAttribute("lang")));
        browser.await(By.id("desk-state"), e -> e.getText().equals("Ready"));
        wrapUpACall();
        assertThat(browser.await(By.id("outcome"), WebElement::isDisplayed).getText()).contains("Call outcome")
                .contains("required");
        browser.await(By.id("btn-ready"), WebElement::isEnabled).click();
        browser.await(By.cssSelector("#toasts .toast-error"),
                e -> Browser.textContent(e).contains("Choose the call outcome first"));
        browser.screenshot("outcome-required-en");
        new Select(browser.await(By.id("outcome-select"))).selectByVisibleText("Work order made");
        browser.await(By.id("outcome-status"), e -> e.getText().equals("Call outcome recorded: Work order made"));
        browser.await(By.id("btn-ready"), WebElement::isEnabled).click();
        browser.await(By.id("desk-state"), e -> e.getText().equals("Ready"));
        assertThat(jdbc.queryForList("select code from call_dispositions d join users u on u.id = d.agent_id"
                + " where u.username = ? order by recorded_at", String.class, AGENT)).containsSubsequence(
                List.of("br-solved", "br-order"));
    }

    private void wrapUpACall() {
        CallHandle call = servers.simulator().placeCall(CallSpec.of("13800138000", "hotline").withCallerName("张三")
                .withOutcome(new Outcome.RingUntilTold("1002")).withPatience(Duration.ofMinutes(30)));
        call.ringing().join();
        call.answer();
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status(AGENT).state() == DeskState.TALKING);
        call.hangup();
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status(AGENT).state() == DeskState.WRAP_UP);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
