package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.cti.callback.Callbacks;
import org.hotline.cti.callback.RequestedCallback;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervisor page and the agent desk list a caller waiting in a queue, by push, with the number masked; the desk
 * drops it when the call ends.
 */
@SimulatedServerTest
class WaitingCallsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedServers servers;
    @Autowired
    Callbacks callbacks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCallerWaitingInAQueueIsListedWithItsQueueAndMaskedNumber() {
        String base = "http://localhost:" + port;
        browser.logIn(base, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.open(base + "/supervisor.html");
        // a caller who gives up after a long wait and whom no agent answers meanwhile
        CallHandle call = servers.simulator().placeCall(new CallSpec("13812345678", "王五", "gas", Map.of(),
                Outcome.abandonAfter(Duration.ofSeconds(600)), Duration.ofSeconds(6), Duration.ofSeconds(600)));

        WebElement row = browser.await(By.cssSelector("#waiting-table tr.waiting-call"), WebElement::isDisplayed);
        String text = Browser.textContent(row);
        assertThat(text).contains("138****5678").doesNotContain("13812345678");
        assertThat(browser.all(By.cssSelector("#waiting-table th"))).extracting(Browser::textContent)
                .contains("队列", "排位", "等候时长", "来电号码");
        browser.screenshot("waiting-calls-1366");

        // the desks get the same list by push
        browser.clearCookies();
        browser.logIn(base, "agent2001", DemoUsers.AGENT_PASSWORD);
        browser.open(base + "/agent.html");
        WebElement desk = browser.await(By.cssSelector("#desk-waiting li.waiting-call"), WebElement::isDisplayed);
        // the queue by its display name once the wallboard has read the queues, by its PBX name before
        assertThat(Browser.textContent(desk)).contains("138****5678").containsAnyOf("燃气服务热线", "gas");
        browser.screenshot("desk-waiting-1366");
        call.hangup();
        browser.await(By.id("desk-waiting"), e -> !e.isDisplayed());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aCallerWhoBookedACallbackKeepsAPlaceFlaggedInChineseAndInEnglish() {
        String base = "http://localhost:" + port;
        String callId = "wc-kept-" + System.nanoTime();
        Instant now = Instant.now();
        callbacks.recordRequested(new RequestedCallback(callId, "13912345678", "gas", now.minusSeconds(90), now));
        try {
            browser.logIn(base, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
            browser.open(base + "/supervisor.html");
            By row = By.cssSelector("#waiting-table tr.waiting-call.callback[data-call-id='" + callId + "']");
            WebElement kept = browser.await(row, WebElement::isDisplayed);
            assertThat(Browser.textContent(kept)).contains("139****5678").contains("是");
            assertThat(browser.all(By.cssSelector("#waiting-table th"))).extracting(Browser::textContent)
                    .contains("预约回拨");
            browser.await(By.id("lang-switch")).click();
            browser.await(By.cssSelector("#waiting-table th"), e -> !browser.all(By.cssSelector("#waiting-table th"))
                    .stream().filter(h -> Browser.textContent(h).equals("Callback requested")).toList().isEmpty());
            assertThat(Browser.textContent(browser.await(row))).contains("yes");
            browser.screenshot("waiting-callback-en");

            browser.clearCookies();
            browser.logIn(base, "agent2002", DemoUsers.AGENT_PASSWORD);
            browser.open(base + "/agent.html");
            WebElement desk = browser.await(By.cssSelector("#desk-waiting li.waiting-call[data-call-id='" + callId
                    + "']"), WebElement::isDisplayed);
            assertThat(Browser.textContent(desk)).contains("139****5678").contains("预约回拨");
        } finally {
            jdbc.update("update callbacks set status = 'cancelled', done_at = now() where call_id = ?", callId);
            jdbc.update("update users set language = null where username = 'supervisor'");
        }
    }
}
