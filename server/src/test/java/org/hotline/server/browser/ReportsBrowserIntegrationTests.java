package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.reports.internal.CallRollups;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports page (报表) in a real headless Chromium: a supervisor picks a range and a queue and reads the day's
 * figures, the trend and the heat map draw, the page fits 1366×768 and 1920×1080, and a queue name is text.
 */
@SimulatedServerTest
class ReportsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    CallRollups rollups;

    @Test
    void aSupervisorReadsADaysQueueFiguresWithTheirRuleAndCharts() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into queues (name, display_name, service_level_seconds) values ('rbrowse', ?, 20)"
                + " on conflict (name) do nothing", "<b>报表</b>测试队列");
        Instant nine = Instant.parse("2026-11-03T01:00:00Z");
        for (int i = 0; i < 12; i++) {
            Instant queued = nine.plusSeconds(i * 600L);
            boolean answered = i % 4 != 0;
            Instant left = queued.plusSeconds(5 + i * 3L);
            jdbc.update("""
                    insert into calls (call_id, direction, queue, started_at, queued_at, answered_at, ended_at,
                                       talk_seconds, hold_seconds, outcome)
                    values (?, 'inbound', 'rbrowse', ?, ?, ?, ?, 90, 0, ?) on conflict (call_id) do nothing""",
                    "rbrowse." + i, Timestamp.from(queued), Timestamp.from(queued),
                    answered ? Timestamp.from(left) : null, Timestamp.from(left.plusSeconds(answered ? 90 : 0)),
                    answered ? "answered" : "abandoned");
        }
        rollups.refresh();

        String base = "http://localhost:" + port;
        browser.logIn(base, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.open(base + "/reports.html");
        browser.await(By.cssSelector("body[data-loaded]"));
        browser.script("document.getElementById('f-from').value = '2026-11-01';"
                + "document.getElementById('f-to').value = '2026-11-07';");
        new Select(browser.await(By.cssSelector("#f-queue option[value='rbrowse']")).findElement(By.xpath("..")))
                .selectByValue("rbrowse");
        browser.script("delete document.body.dataset.loaded");
        browser.driver().findElement(By.cssSelector("#filter button[type='submit']")).click();
        browser.await(By.cssSelector("body[data-loaded]"));

        List<WebElement> rows = browser.all(By.cssSelector("#report tbody tr.row"));
        assertThat(rows).hasSize(1);
        List<String> cells = rows.get(0).findElements(By.tagName("td")).stream().map(Browser::textContent).toList();
        assertThat(cells.get(1)).isEqualTo("<b>报表</b>测试队列");
        assertThat(cells.subList(2, 5)).containsExactly("12", "9", "3");
        assertThat(browser.all(By.cssSelector("#report b"))).isEmpty();
        assertThat(Browser.textContent(browser.await(By.id("rule-note")))).contains("服务水平口径：T 内接听 ÷ 接听");
        assertThat(browser.all(By.cssSelector("#trend canvas"))).isNotEmpty();
        assertThat(browser.all(By.cssSelector("#heat canvas"))).isNotEmpty();
        assertThat(browser.await(By.id("kpi-link")).getAttribute("href")).endsWith("/reports-kpis.html");

        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("reports-" + size.width);
        }
        // a refused request says why in the page's language
        browser.script("document.getElementById('f-from').value = '2026-11-09';");
        browser.driver().findElement(By.cssSelector("#filter button[type='submit']")).click();
        assertThat(Browser.textContent(browser.await(By.id("error"), WebElement::isDisplayed)))
                .isEqualTo("起止日期不对：起始日期不能晚于截止日期，跨度不超过十年。");
        browser.script("document.getElementById('f-from').value = '2026-11-01';");
        new Select(browser.driver().findElement(By.id("f-kind"))).selectByValue("agents");
        browser.script("delete document.body.dataset.loaded");
        browser.driver().findElement(By.cssSelector("#filter button[type='submit']")).click();
        browser.await(By.cssSelector("body[data-loaded]"));
        assertThat(browser.await(By.id("time-box")).isDisplayed()).isTrue();
        assertThat(Browser.textContent(browser.await(By.cssSelector("#agent-time thead")))).contains("占用率");
        browser.screenshot("reports-agents-1920");
        new Select(browser.driver().findElement(By.id("f-kind"))).selectByValue("workorders");
        browser.script("delete document.body.dataset.loaded");
        browser.driver().findElement(By.cssSelector("#filter button[type='submit']")).click();
        browser.await(By.cssSelector("body[data-loaded]"));
        assertThat(browser.await(By.id("wo-box")).isDisplayed()).isTrue();
        assertThat(Browser.textContent(browser.await(By.id("rule-note")))).contains("张工单");
        browser.screenshot("reports-workorders-1920");
        new Select(browser.driver().findElement(By.id("f-kind"))).selectByValue("ivr");
        browser.script("delete document.body.dataset.loaded");
        browser.driver().findElement(By.cssSelector("#filter button[type='submit']")).click();
        browser.await(By.cssSelector("body[data-loaded]"));
        assertThat(browser.await(By.id("ivr-box")).isDisplayed()).isTrue();
        assertThat(browser.await(By.id("wo-box")).isDisplayed()).isFalse();
        assertThat(Browser.textContent(browser.await(By.id("rule-note")))).contains("自助服务");
        new Select(browser.driver().findElement(By.id("f-kind"))).selectByValue("sms");
        browser.script("delete document.body.dataset.loaded");
        browser.driver().findElement(By.cssSelector("#filter button[type='submit']")).click();
        browser.await(By.cssSelector("body[data-loaded]"));
        assertThat(browser.await(By.id("sms-box")).isDisplayed()).isTrue();
        assertThat(Browser.textContent(browser.await(By.id("rule-note")))).contains("计费条数");
        browser.open(base + "/reports-kpis.html");
        browser.await(By.id("kpis"));
        browser.screenshot("reports-kpis-1920");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
