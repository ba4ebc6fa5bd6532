package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.push.PopStore;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pop shows what the IVR learned, in Chinese: the path as readable steps, the account, the outage and the work
 * order, never the variables' names, and their values as text. The calls carry the variables the dialplan sets
 * (docker/asterisk/extensions.conf), played by the PBX simulator; the live tests prove the real Asterisk sets them.
 */
@SimulatedServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IvrPopBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final String AGENT = "agent2002";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    PopStore popStore;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory agentDirectory;

    private CallHandle call;

    @BeforeEach
    void amiIsConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, agentDirectory); // earlier classes leave desks in wrap-up or lagged
        await().atMost(Duration.ofSeconds(60)).until(() -> popStore.current(AGENT).isEmpty());
    }

    @AfterEach
    void hangUp() {
        if (call != null) {
            call.hangup();
            call = null;
        }
    }

    /** Ended pops linger: the classes sharing this context expect their agents to start without any. */
    @AfterAll
    void popsHaveLingeredAway() {
        await().atMost(Duration.ofSeconds(60)).until(() -> popStore.current(AGENT).isEmpty());
    }

    @Test
    void popShowsTheIvrPathAsChineseStepsWithAccountOutageAndOrderLabelledInChinese() {
        logIn();
        call = servers.simulator().placeCall(CallSpec.of("13800138000", "gas")
                .withVariable("HOTLINE_IVR_PATH", "entry>hours=open>identify=number>outage=TD20261207-0001:heard"
                        + ">menu=2>arrears=owed:agent>offer=wait")
                .withVariable("HOTLINE_ACCOUNT", "8800000001").withVariable("HOTLINE_CUSTOMER_ID", "42")
                .withVariable("HOTLINE_OUTAGE", "TD20261207-0001").withVariable("HOTLINE_WORKORDER", "WO20261207-000123")
                .withOutcome(new Outcome.RingUntilTold("2002")).withPatience(Duration.ofMinutes(10)));

        WebElement pop = awaitPop();
        assertThat(rows(pop)).containsExactly(
                "语音导航=已识别（来电号码） → 停电通知（已听完） → 欠费查询（按 2 转人工） → 转人工",
                "户号=8800000001", "停电编号=TD20261207-0001", "工单号=WO20261207-000123");
        assertThat(Browser.textContent(pop.findElement(By.cssSelector("dl.variables")))).doesNotContain("HOTLINE_");
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat(browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("ivr-pop-" + size.width + "x" + size.height);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void popShowsAFaultReportAnUnreachableIvrAndMarkupInThePathAsText() {
        logIn();
        String markup = "<img src=x onerror=\"window.pwned=1\">";
        // '>' separates the path's steps: a step of markup is one without it
        String step = "<img src=x onerror=window.pwned=1 <script";
        call = servers.simulator().placeCall(CallSpec.of("13800138000", "gas")
                .withVariable("HOTLINE_IVR_PATH", "entry>identify=account>fault=WO1:danger>" + step
                        + ">ivr-unavailable")
                .withVariable("HOTLINE_ACCOUNT", markup)
                .withOutcome(new Outcome.RingUntilTold("2002")).withPatience(Duration.ofMinutes(10)));

        WebElement pop = awaitPop();
        assertThat(rows(pop)).containsExactly(
                "语音导航=已识别（输入户号） → 故障报修（工单 WO1，冒烟起火或断线） → " + step
                        + " → 语音导航不可用 → 转人工",
                "户号=" + markup);
        assertThat(browser.all(By.cssSelector("#pops img, #pops [onerror]"))).isEmpty();
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        browser.screenshot("ivr-pop-fault-and-markup");
    }

    @Test
    void popOfACallTheIvrDidNotServeShowsNoIvrRows() {
        logIn();
        // no IVR configured: the dialplan's entry step alone, and the scripts' variables empty
        call = servers.simulator().placeCall(CallSpec.of("13800138000", "gas")
                .withVariable("HOTLINE_IVR_PATH", "entry").withVariable("HOTLINE_ACCOUNT", "")
                .withOutcome(new Outcome.RingUntilTold("2002")).withPatience(Duration.ofMinutes(10)));

        WebElement pop = browser.await(By.cssSelector("#pops article.pop[data-call-id='" + call.linkedid() + "']"),
                e -> "RINGING".equals(e.getDomAttribute("data-status")));
        assertThat(rows(pop)).isEmpty();
        assertThat(pop.findElement(By.cssSelector("dl.variables")).isDisplayed()).isFalse();
    }

    private void logIn() {
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.logIn("http://127.0.0.1:" + port, AGENT, DemoUsers.AGENT_PASSWORD);
        browser.awaitUrl(u -> u.endsWith("/agent.html"));
        browser.await(By.id("connection"), e -> e.getDomAttribute("class").equals("conn up"));
    }

    private WebElement awaitPop() {
        return browser.await(By.cssSelector("#pops article.pop[data-call-id='" + call.linkedid() + "']"),
                e -> "RINGING".equals(e.getDomAttribute("data-status"))
                        && !e.findElements(By.cssSelector("dl.variables dd")).isEmpty());
    }

    // "label=value" of each row of the pop's IVR list, in order
    @SuppressWarnings("unchecked")
    private List<String> rows(WebElement pop) {
        return (List<String>) browser.script("""
                return [...arguments[0].querySelectorAll('dl.variables dt')]
                    .map(dt => dt.textContent + '=' + dt.nextElementSibling.textContent);""", pop);
    }
}
