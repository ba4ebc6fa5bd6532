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

        // the table element stays while its rows are drawn again with every frame; other tests' booked callbacks
        // may be listed too, so the caller is awaited by number, not as the first row
        WebElement table = browser.await(By.id("waiting-table"),
                e -> Browser.textContent(e).contains("138****5678"));
        assertThat(Browser.textContent(table)).doesNotContain("13812345678");
        assertThat(headers()).contains("队列", "排位", "等候时长", "来电号码");
        browser.screenshot("waiting-calls-1366");

        // the desks get the same list by push
        browser.clearCookies();
        browser.logIn(base, "agent2001", DemoUsers.AGENT_PASSWORD);
        browser.open(base + "/agent.html");
        WebElement desk = browser.await(By.id("desk-waiting"),
                e -> e.isDisplayed() && Browser.textContent(e).contains("138****5678"));
        // the queue by its display name once the wallboard has read the queues, by its PBX name before
        assertThat(Browser.textContent(desk)).containsAnyOf("燃气服务热线", "gas").doesNotContain("13812345678");
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
            String row = "#waiting-table tr.waiting-call.callback[data-call-id='" + callId + "']";
            browser.await(By.cssSelector(row), WebElement::isDisplayed);
            assertThat(rowText(row)).contains("139****5678").contains("是");
            assertThat(headers()).contains("预约回拨");
            browser.await(By.id("lang-switch")).click();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> headers().contains("Callback requested"));
            assertThat(rowText(row)).contains("yes");
            browser.screenshot("waiting-callback-en");

            browser.clearCookies();
            browser.logIn(base, "agent2002", DemoUsers.AGENT_PASSWORD);
            browser.open(base + "/agent.html");
            String item = "#desk-waiting li.waiting-call[data-call-id='" + callId + "']";
            browser.await(By.cssSelector(item), WebElement::isDisplayed);
            assertThat(rowText(item)).contains("139****5678").contains("预约回拨");
        } finally {
            jdbc.update("update callbacks set status = 'cancelled', done_at = now() where call_id = ?", callId);
            jdbc.update("update users set language = null where username = 'supervisor'");
        }
    }

    // read in one script: the table is drawn again with every wallboard frame, so elements go stale
    @SuppressWarnings("unchecked")
    private java.util.List<String> headers() {
        return (java.util.List<String>) browser.script(
                "return [...document.querySelectorAll('#waiting-table th')].map(h => h.textContent)");
    }

    private String rowText(String selector) {
        return (String) browser.script("const r = document.querySelector(arguments[0]); return r ? r.textContent : ''",
                selector);
    }
}
