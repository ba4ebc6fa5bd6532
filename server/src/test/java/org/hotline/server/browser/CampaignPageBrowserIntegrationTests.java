package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.demo.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.hotline.sms.template.SmsSignature;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The SMS campaign page in headless Chromium: progress counts, pause / resume / cancel, the message table's filter
 * and the CSV export. Messages and their statuses are written by SQL (sending is the SMPP sender's job); they wait
 * until 2099 so no sender takes them. Same server settings as {@code AgentPageBrowserIntegrationTests}. The SMS
 * signature: an administrator sets it on the page, a supervisor only reads it (issue #13).
 */
@SimulatedServerTest
class CampaignPageBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SmsSignature signature;

    private long campaign;

    @BeforeEach
    void campaignWithMessagesInEveryState() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        campaign = jdbc.queryForObject("insert into sms_campaigns (name, kind, status, created_by, targeted) "
                + "values ('<b>十一月催费</b>', 'arrears', 'paused', 'supervisor', 10) returning id", Long.class);
        List<String> statuses = List.of("held", "held", "held", "submitted", "submitted", "delivered",
                "delivered", "delivered", "delivered", "failed");
        for (int i = 0; i < statuses.size(); i++) {
            jdbc.update("""
                    insert into sms_messages (dedupe_key, campaign_id, kind, destination, body, segments, status,
                                              not_before, error_text)
                    values (?, ?, 'arrears', ?, ?, 1, ?, timestamp '2099-01-01', ?)""",
                    "page-test:" + campaign + ":" + i, campaign, "1390000" + String.format("%04d", i),
                    "【测试】第" + i + "条", statuses.get(i), statuses.get(i).equals("failed") ? "=cmd|' /C calc'!A0" : null);
        }
    }

    @Test
    void supervisorSeesProgressControlsTheCampaignAndExportsItsMessages() {
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.open(url("/campaigns.html"));

        browser.await(By.cssSelector("#campaigns tr[data-id='" + campaign + "']")).click();
        assertThat(count("held")).isEqualTo("3");
        assertThat(count("queued")).isEqualTo("0");
        assertThat(count("submitted")).isEqualTo("2");
        assertThat(count("delivered")).isEqualTo("4");
        assertThat(count("failed")).isEqualTo("1");
        assertThat(Browser.textContent(browser.await(By.id("detail-name")))).startsWith("<b>十一月催费</b>");
        assertThat(browser.all(By.cssSelector("#detail-name b"))).isEmpty();
        assertThat(browser.all(By.cssSelector("#messages tbody tr"))).hasSize(10);
        browser.screenshot("campaign-page-paused");

        browser.await(By.id("resume"), WebElement::isEnabled).click();
        awaitStatus("running");
        // resumed, the held messages are queued (they wait until 2099, so no sender takes them)
        assertThat(browser.await(By.id("count-queued"), e -> e.getText().equals("3")).getText()).isEqualTo("3");
        browser.await(By.id("pause"), WebElement::isEnabled).click();
        awaitStatus("paused");
        assertThat(browser.await(By.id("count-held"), e -> e.getText().equals("3")).getText()).isEqualTo("3");
        browser.await(By.id("cancel"), WebElement::isEnabled).click();
        browser.driver().switchTo().alert().accept();
        awaitStatus("cancelled");
        assertThat(browser.await(By.id("count-cancelled"), e -> e.getText().equals("3")).getText()).isEqualTo("3");
        assertThat(count("queued")).isEqualTo("0");
        assertThat(browser.await(By.id("resume")).isEnabled()).isFalse();

        new Select(browser.await(By.id("status-filter"))).selectByValue("delivered");
        browser.await(By.cssSelector("#messages tbody"), e -> e.findElements(By.cssSelector("tr")).size() == 4
                && e.findElements(By.cssSelector("tr:not([data-status='delivered'])")).isEmpty());

        String href = browser.await(By.id("export")).getDomAttribute("href");
        assertThat(href).isEqualTo("/api/sms/campaigns/" + campaign + "/messages.csv");
        String csv = (String) browser.script("return fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(r => r.text())", href);
        assertThat(csv.split("\r?\n")).as(csv).hasSize(11);
        assertThat(csv).contains("\"13900000009\",\"failed\"", "\"'=cmd|' /C calc'!A0\"");
        // the login lands on the supervisor's start page, which other pages own: only this page's errors count
        assertThat(browser.consoleErrors()).filteredOn(e -> !e.startsWith(url("/supervisor.html"))).isEmpty();
    }

    @Test
    void anAdministratorSetsTheSignatureOnThePageAndASupervisorOnlyReadsIt() {
        try {
            logIn("admin", DemoUsers.ADMIN_PASSWORD);
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.open(url("/campaigns.html"));
            browser.await(By.id("sig-current"), e -> Browser.textContent(e).equals("【国网供电服务】"));
            assertThat(Browser.textContent(browser.driver().findElement(By.id("sig-source"))))
                    .contains("hotline.sms.campaigns.signature");
            WebElement input = browser.await(By.id("sig-input"), WebElement::isDisplayed);
            assertThat(browser.driver().findElement(By.id("sig-readonly")).isDisplayed()).isFalse();

            input.sendKeys("【国】");
            browser.driver().findElement(By.id("sig-save")).click();
            WebElement error = browser.await(By.id("error"), WebElement::isDisplayed);
            assertThat(Browser.textContent(error)).isEqualTo("签名须为【】括起的 2 到 20 个字，不能换行，如【国网供电服务】");
            assertThat(browser.consoleErrors()).filteredOn(e -> e.contains("signature")).singleElement().asString()
                    .contains("400");

            input.clear();
            input.sendKeys("【东城<b>供水</b>】");
            browser.driver().findElement(By.id("sig-save")).click();
            browser.await(By.id("sig-done"), WebElement::isDisplayed);
            assertThat(browser.driver().findElement(By.id("error")).isDisplayed()).isFalse();
            assertThat(Browser.textContent(browser.driver().findElement(By.id("sig-current"))))
                    .isEqualTo("【东城<b>供水</b>】");
            assertThat(browser.all(By.cssSelector(".cmp-create b"))).as("the signature is text, not markup").isEmpty();
            assertThat(Browser.textContent(browser.driver().findElement(By.id("sig-source")))).startsWith("（admin 于");
            assertThat(signature.current().signature()).isEqualTo("【东城<b>供水</b>】");
            browser.script("document.getElementById('sig-current').scrollIntoView({block: 'center'})");
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
                browser.driver().manage().window().setSize(size);
                assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no sideways scroll at %s", size).isEqualTo(true);
                browser.screenshot("campaign-signature-admin-" + size.width);
            }

            logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.open(url("/campaigns.html"));
            browser.await(By.id("sig-current"), e -> Browser.textContent(e).equals("【东城<b>供水</b>】"));
            browser.await(By.id("sig-readonly"), WebElement::isDisplayed);
            assertThat(browser.driver().findElement(By.id("signature-form")).isDisplayed()).isFalse();
            browser.script("document.getElementById('sig-current').scrollIntoView({block: 'center'})");
            browser.screenshot("campaign-signature-supervisor-1366");
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.startsWith(url("/supervisor.html"))).isEmpty();
        } finally {
            signature.useSetting();
        }
    }

    @Test
    void aSupervisorSeesTheMessagesHeldInDoubtAndClosesOneUnsentOrResendsAnother() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // two arrears messages whose submit got no answer and no receipt settled them: held for a person (ADR 0026)
        long[] held = new long[2];
        for (int i = 0; i < 2; i++) {
            held[i] = jdbc.queryForObject("""
                    insert into sms_messages (dedupe_key, kind, destination, body, segments, status, submitting_at,
                                              in_doubt_since, in_doubt_count, in_doubt_resolution, error_text)
                    values (?, 'arrears', ?, '【国网供电服务】<i>您户号1001本期电费88.50元已逾期</i>', 1, 'submitting',
                            now(), now(), 1, 'held', 'no receipt for 1 of 1 part(s) within PT10M: held for a person')
                    returning id""", Long.class, "held-page:" + campaign + ":" + i, "1390001000" + i);
        }
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.open(url("/campaigns.html"));

        WebElement row = browser.await(By.cssSelector("#att-messages tr[data-id='" + held[0] + "']"));
        assertThat(Browser.textContent(row)).contains("缴费提醒", "13900010000", "等待期内没有回执（1/1 条未核实），留待人工决定",
                "<i>您户号1001");
        assertThat(row.findElement(By.cssSelector("td.reason")).getDomAttribute("title"))
                .isEqualTo("no receipt for 1 of 1 part(s) within PT10M: held for a person");
        assertThat(browser.all(By.cssSelector("#att-messages i"))).as("texts are data, not markup").isEmpty();
        assertThat(Integer.parseInt(browser.await(By.id("att-n-held")).getText())).isGreaterThanOrEqualTo(2);
        browser.script("document.getElementById('attention').scrollIntoView({block: 'start'})");
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("sms-attention-held-" + size.width);
        }

        row.findElement(By.xpath(".//button[text()='不再发送']")).click();
        browser.await(By.cssSelector("#att-messages tbody"), e -> e.findElements(
                By.cssSelector("tr[data-id='" + held[0] + "']")).isEmpty());
        browser.await(By.cssSelector("#att-messages tr[data-id='" + held[1] + "'] button")).click();
        browser.driver().switchTo().alert().accept();
        browser.await(By.cssSelector("#att-messages tbody"), e -> e.findElements(
                By.cssSelector("tr[data-id='" + held[1] + "']")).isEmpty());

        // the resent one is the sender's again at once (the demo SMSC may have taken it already)
        assertThat(jdbc.queryForList("select in_doubt_resolution || '/' || in_doubt_decided_by "
                + "from sms_messages where id in (?, ?) order by id", String.class, held[0], held[1]))
                .containsExactly("dismissed/supervisor", "resent/supervisor");
        assertThat(jdbc.queryForObject("select status from sms_messages where id = ?", String.class, held[0]))
                .isEqualTo("unknown");
        assertThat(browser.consoleErrors()).filteredOn(e -> !e.startsWith(url("/supervisor.html"))).isEmpty();
    }

    @Test
    void aSupervisorSeesEachSmsAccountWithItsBindAndTodaysMessagesInEitherLanguage() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // a message the demo's account took today (the demo sender may add its own)
        jdbc.update("""
                insert into sms_messages (dedupe_key, kind, destination, body, segments, status, submitted_at, smsc)
                values (?, 'general', '13900020000', '【测试】今日', 1, 'submitted', now(), 'simulator')""",
                "accounts-page:" + campaign);
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.open(url("/campaigns.html"));

        WebElement row = browser.await(By.cssSelector("#acc-table tr[data-account='simulator']"),
                e -> "已连接".equals(Browser.textContent(e.findElement(By.cssSelector("td.up, td.down")))));
        assertThat(Browser.textContent(row.findElement(By.cssSelector("td.prefixes")))).isEqualTo("全部号码");
        assertThat(Integer.parseInt(Browser.textContent(row.findElement(By.cssSelector("td.today")))))
                .isGreaterThanOrEqualTo(1);
        assertThat(browser.await(By.id("acc-no-route")).isDisplayed()).isFalse();
        browser.script("document.getElementById('accounts').scrollIntoView({block: 'start'})");
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("sms-accounts-" + size.width);
        }
        try {
            browser.await(By.id("lang-switch")).click();
            browser.await(By.cssSelector("#acc-table tr[data-account='simulator'] td.up"),
                    e -> "Bound".equals(Browser.textContent(e)));
            assertThat(Browser.textContent(browser.await(By.cssSelector("#accounts h2")))).isEqualTo("SMS accounts");
            browser.screenshot("sms-accounts-en");
        } finally {
            jdbc.update("update users set language = null where username = 'supervisor'");
            browser.script("localStorage.removeItem('hotline.lang')");
        }
    }

    private String count(String status) {
        return browser.await(By.id("count-" + status)).getText();
    }

    private void awaitStatus(String status) {
        browser.await(By.id("detail"), e -> status.equals(e.getDomAttribute("data-status")));
    }

    private void logIn(String username, String password) {
        browser.logIn(url(""), username, password);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
