package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.callback.AbandonedCall;
import org.hotline.cti.callback.Callbacks;
import org.hotline.cti.callback.RequestedCallback;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.survey.SatisfactionSurveys;
import org.hotline.ivr.IvrScript;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the IVR's queue scripts leave on the agent's desk (issue #14): callbacks callers asked for from the queue
 * listed first by their place, and the survey score on the contact recorded on the surveyed call.
 */
@SimulatedServerTest
class QueueCallbackDeskBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;

    @Autowired
    AmiConnection ami;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory agentDirectory;

    @Autowired
    Callbacks callbacks;

    @Autowired
    SatisfactionSurveys surveys;

    @Autowired
    List<IvrScript> scripts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void amiIsConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, agentDirectory);
    }

    /** A booked callback keeps a place in every desk's waiting list (issue #16): none may outlive its test. */
    @org.junit.jupiter.api.AfterEach
    void cancelTheBookedCallbacks() {
        jdbc.update("update callbacks set status = 'cancelled', done_at = now() where call_id like 'q14-%'"
                + " and status = 'open'");
    }

    @Test
    void theServerRunsTheQueueScripts() {
        assertThat(scripts).extracting(IvrScript::name).contains("queue-offer", "callback-request", "survey");
    }

    @Test
    void requestedCallbacksAreListedFirstOldestPlaceFirstWithTheirPlace() {
        Instant now = Instant.now();
        String tag = Long.toString(System.nanoTime());
        // an abandoned callback due long before: still listed after the requested ones
        callbacks.recordAbandoned(new AbandonedCall("q14-ab-" + tag, "13700001401", "hotline",
                Duration.ofSeconds(30), now.minus(Duration.ofDays(3))));
        callbacks.recordRequested(new RequestedCallback("q14-late-" + tag, "13700001403", "hotline",
                now.minus(Duration.ofDays(2)).plusSeconds(60), now.minusSeconds(20)));
        callbacks.recordRequested(new RequestedCallback("q14-early-" + tag, "13700001402", "hotline",
                now.minus(Duration.ofDays(2)), now.minusSeconds(10)));
        logIn("agent1003");

        By rows = By.cssSelector("#callback-list li.callback");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            List<WebElement> list = browser.all(rows);
            return text(list.get(0), ".cb-number").equals("13700001402")
                    && text(list.get(1), ".cb-number").equals("13700001403");
        });
        WebElement first = browser.all(rows).get(0);
        assertThat(first.getDomAttribute("class")).contains("requested");
        assertThat(text(first, ".cb-kind")).isEqualTo("排队回拨");
        assertThat(text(first, ".cb-place")).startsWith("排队于 ");
        assertThat(text(first, ".cb-queue")).isEqualTo("队列 hotline");
        List<String> numbers = browser.all(rows).stream().map(e -> text(e, ".cb-number")).toList();
        assertThat(numbers.indexOf("13700001401")).isGreaterThan(1);
        screenshots("queue-callbacks", "callbacks");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theContactRecordedOnASurveyedCallShowsTheScore() {
        String tag = Long.toString(System.nanoTime());
        Long customer = jdbc.queryForObject("insert into customers (customer_no, name, kind) values (?, '满意度测试', "
                + "'residential') returning id", Long.class, "Q14-" + tag);
        String surveyed = "q14-call-" + tag;
        jdbc.update("insert into contacts (customer_id, call_id, channel, category, notes, created_at) values"
                + " (?, ?, 'phone', 'enquiry', '咨询电价', ?), (?, ?, 'phone', 'fault', '报修', ?)", customer, surveyed,
                Timestamp.from(Instant.now().minusSeconds(60)), customer, "q14-other-" + tag,
                Timestamp.from(Instant.now().minusSeconds(3600)));
        assertThat(surveys.record(surveyed, 5, "hotline", Instant.now())).isTrue();
        logIn("agent1003");

        WebElement box = browser.driver().findElement(By.id("search-q"));
        box.clear();
        box.sendKeys("满意度测试");
        browser.driver().findElement(By.cssSelector("#search-form button[type='submit']")).click();
        String card = "#search-results .customer[data-customer-no='Q14-" + tag + "']";
        browser.await(By.cssSelector(card + " .contacts li"));
        List<WebElement> items = browser.all(By.cssSelector(card + " .contacts li"));
        assertThat(items).hasSize(2);
        assertThat(text(items.get(0), ".satisfaction")).isEqualTo("满意度 5");
        assertThat(Browser.textContent(items.get(0))).contains("咨询电价");
        assertThat(items.get(1).findElements(By.cssSelector(".satisfaction"))).isEmpty();
        screenshots("survey-score", "search-results");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void screenshots(String name, String shownId) {
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            // no sideways scroll at either size
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth"
                    + " <= document.documentElement.clientWidth")).as("no sideways scroll at " + size).isTrue();
            browser.script("document.getElementById(arguments[0]).scrollIntoView()", shownId);
            browser.screenshot(name + "-" + size.getWidth());
        }
    }

    private void logIn(String username) {
        browser.open(url("/login.html"));
        browser.script("localStorage.removeItem('hotline.lang')");
        WebElement button = browser.await(By.id("login-button"), WebElement::isEnabled);
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.AGENT_PASSWORD);
        button.click();
        browser.awaitUrl(u -> u.endsWith("/agent.html"));
        browser.await(By.cssSelector("#callback-list li"));
    }

    private static String text(WebElement scope, String css) {
        return Browser.textContent(scope.findElement(By.cssSelector(css)));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
