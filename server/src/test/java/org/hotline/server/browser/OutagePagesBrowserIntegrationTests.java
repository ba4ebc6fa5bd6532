package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.server.browser.OutageTestNetwork.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hotline.cti.area.AreaDirectory;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The outage pages of issue #4 in a real headless Chromium against the real back end and PostgreSQL: pinyin lookup
 * with the red outage flag, declaring from outages.html, the all-or-nothing import, the public feed, the role wall
 * and markup kept as text. Same server settings as {@code AgentPageBrowserIntegrationTests}: one shared context.
 */
@SimulatedServerTest
class OutagePagesBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    /** The colours of outages.css: red for an outage now, amber for a planned one. */
    private static final String RED = "rgba(192, 57, 43, 1)";
    private static final String AMBER = "rgba(242, 183, 5, 1)";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AreaDirectory areas;

    private Instant lineOutageEnd;

    @BeforeEach
    void networkWithAnOutageOnTheFirstLine() {
        lineOutageEnd = OutageTestNetwork.writeOnce(jdbc, areas);
    }

    @Test
    void agentFindsAnAreaByPinyinInitialsAndSeesTheRedOutageFlagWithItsExpectedEnd() {
        logIn("agent1001", DemoUsers.AGENT_PASSWORD);
        browser.open(url("/lookup.html"));
        WebElement box = browser.await(By.cssSelector("#lookup .lookup-input"));
        box.sendKeys("JsNl");

        WebElement area = awaitResult(AREA);
        assertThat(text(area, ".type")).isEqualTo("台区");
        assertThat(text(area, ".name")).isEqualTo(AREA_NAME);
        assertThat(text(area, ".details")).contains(LINE, LINE_NAME, CENTRE_NAME, CENTRE_PHONE, RESPONSIBLE,
                RESPONSIBLE_PHONE);
        WebElement flag = area.findElement(By.cssSelector(".outage-flag"));
        assertThat(flag.getDomAttribute("data-state")).isEqualTo("active");
        assertThat(Browser.textContent(flag)).isEqualTo("停电中 · 预计 " + shown(lineOutageEnd) + " 恢复");
        assertThat(flag.getCssValue("background-color")).isEqualTo(RED);
        browser.screenshot("outage-lookup-jsnl");

        browser.driver().findElement(By.id("lang-switch")).click();
        String english = "Outage · expected back " + shown(lineOutageEnd);
        browser.await(By.cssSelector("#lookup .result[data-code='" + AREA + "'] .outage-flag"),
                f -> english.equals(Browser.textContent(f)));
        assertThat(browser.await(By.cssSelector("#lookup .result[data-code='" + AREA + "'] .type")).getText())
                .isEqualTo("Area");
        // the language is remembered: leave Chinese for the others
        browser.driver().findElement(By.id("lang-switch")).click();
        browser.await(By.cssSelector("#lookup .lookup-status"), e -> e.getText().endsWith("回车打开线路"));
        box = browser.await(By.cssSelector("#lookup .lookup-input"));

        // the keyboard alone: the first result is chosen, Enter opens its line's tree
        box.sendKeys(Keys.ENTER);
        browser.awaitUrl(u -> u.endsWith("/lines.html?code=" + LINE));
        WebElement tree = browser.await(By.cssSelector("#areas .area[data-code='" + AREA + "']"));
        assertThat(tree.getDomAttribute("class")).contains("out");
        WebElement hospital = tree.findElement(By.cssSelector("tr.flagged-customer[data-customer-no='" + HOSPITAL_NO + "']"));
        assertThat(text(hospital, ".customer-name")).isEqualTo(HOSPITAL + "大客户高危");
        assertThat(text(hospital, ".number")).isEqualTo(HOSPITAL_PHONE);
        assertThat(Browser.textContent(browser.await(By.cssSelector("#line .line-name")))).startsWith(LINE + " " + LINE_NAME);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void supervisorDeclaresAnOutageOnOutagesPageAndTheAgentSeesItInTheLookup() {
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.open(url("/outages.html"));
        LocalDateTime start = LocalDateTime.now().plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        String reason = "计划检修 " + System.nanoTime();
        select("d-kind", "planned");
        select("d-scope", "area");
        type("d-code", OTHER_AREA);
        type("d-reason", reason);
        setDateTime("d-start", start);
        setDateTime("d-end", start.minusHours(1));

        browser.driver().findElement(By.id("declare-button")).click();
        assertThat(browser.await(By.id("declare-result"), e -> !e.getText().isEmpty()).getText())
                .isEqualTo("预计恢复时间必须晚于开始时间");
        assertThat(jdbc.queryForObject("select count(*) from outages where reason = ?", Integer.class, reason)).isZero();

        setDateTime("d-end", start.plusHours(4));
        browser.driver().findElement(By.id("declare-button")).click();
        assertThat(browser.await(By.id("declare-result"), e -> e.getText().startsWith("已发布")).getDomAttribute("class"))
                .isEqualTo("ok");
        WebElement row = browser.await(By.xpath(rowXpath("planned", reason)));
        assertThat(text(row, ".where")).contains(OTHER_AREA, OTHER_AREA_NAME);
        assertThat(text(row, ".ends")).isEqualTo(start.plusHours(4).format(SHOWN));
        browser.screenshot("outage-declared");

        logIn("agent1002", DemoUsers.AGENT_PASSWORD);
        browser.open(url("/lookup.html?q=" + OTHER_AREA));
        WebElement flag = awaitResult(OTHER_AREA).findElement(By.cssSelector(".outage-flag"));
        assertThat(flag.getDomAttribute("data-state")).isEqualTo("planned");
        assertThat(Browser.textContent(flag)).isEqualTo("计划停电 " + start.format(SHOWN) + " — "
                + start.plusHours(4).format(SHOWN));
        assertThat(flag.getCssValue("background-color")).isEqualTo(AMBER);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void supervisorExtendsAndThenRestoresAnOutageEarlyAndTheBoardFollows() {
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.open(url("/outages.html"));
        LocalDateTime end = LocalDateTime.now().plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        String reason = "抢修 " + System.nanoTime();
        select("d-scope", "line");
        type("d-code", OTHER_LINE);
        type("d-reason", reason);
        setDateTime("d-end", end);
        browser.driver().findElement(By.id("declare-button")).click();
        WebElement row = currentRow(reason);
        assertThat(row.getDomAttribute("class")).isEqualTo("outage active");
        assertThat(text(row, ".ends")).isEqualTo(end.format(SHOWN));

        setDateTime(row.findElement(By.cssSelector(".extend-to")), end.plusHours(3));
        row.findElement(By.cssSelector("button.extend")).click();
        browser.await(By.xpath(rowXpath("current", reason)), r -> text(r, ".ends").equals(end.plusHours(3).format(SHOWN)));

        browser.open(url("/outage-board.html"));
        WebElement board = browser.await(By.cssSelector("#b-table tbody"), b -> b.getText().contains(reason));
        assertThat(browser.await(By.id("b-outages")).getText())
                .isEqualTo(String.valueOf(board.findElements(By.cssSelector("tr.outage")).size()));
        assertThat(Long.parseLong(browser.await(By.id("b-customers")).getText())).isPositive();
        assertThat(browser.await(By.id("b-updated")).getText()).startsWith("更新于");
        browser.screenshot("outage-board");

        browser.open(url("/outages.html"));
        WebElement restore = currentRow(reason).findElement(By.cssSelector("button.restore"));
        restore.click();
        assertThat(restore.getText()).isEqualTo("确认恢复送电？");
        restore.click();
        WebElement restored = browser.await(By.xpath(rowXpath("recent", reason)));
        assertThat(text(restored, ".state")).startsWith("supervisor 于 ").endsWith(" 恢复");
        assertThat(restored.findElements(By.cssSelector("button"))).isEmpty();
        assertThat(browser.all(By.xpath(rowXpath("current", reason)))).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void importWithABadRowListsTheRowErrorAndImportsNothing() throws IOException {
        String goodArea = "T4A9" + (System.nanoTime() % 1000);
        Path csv = Files.createTempFile("areas-", ".csv");
        Files.writeString(csv, areasCsv(goodArea), StandardCharsets.UTF_8);
        logIn("admin", DemoUsers.ADMIN_PASSWORD);
        browser.open(url("/outages.html"));
        browser.await(By.id("network-import"), WebElement::isDisplayed);

        select("i-target", "/api/network/areas/import");
        browser.driver().findElement(By.id("i-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver().findElement(By.id("import-button")).click();

        WebElement errors = browser.await(By.id("import-errors"), WebElement::isDisplayed);
        List<WebElement> rows = errors.findElements(By.cssSelector("tbody tr.import-error"));
        assertThat(rows).hasSize(1);
        assertThat(text(rows.get(0), ".line")).isEqualTo("3");
        assertThat(text(rows.get(0), ".column")).isEqualTo("line_code");
        assertThat(text(rows.get(0), ".message")).contains("NO-SUCH-LINE");
        assertThat(browser.await(By.id("import-result")).getText()).startsWith("导入失败，未导入任何数据");
        assertThat(jdbc.queryForObject("select count(*) from transformer_areas where code = ?", Integer.class, goodArea))
                .isZero();
        browser.screenshot("outage-import-bad-row");
        Files.delete(csv);
    }

    @Test
    void publicPageListsTheOutageWithoutAnyCustomerNameOrNumber() {
        browser.open(url("/public/outages.html"));

        WebElement row = browser.await(By.xpath("//table[@id='feed']//tr[td[@class='reason']='" + OUTAGE_REASON + "']"));
        assertThat(row.getDomAttribute("class")).isEqualTo("outage current");
        assertThat(text(row, ".area")).contains(LINE_NAME);
        assertThat(text(row, ".ends")).isEqualTo(shown(lineOutageEnd));
        String page = (String) browser.script("return document.documentElement.outerHTML");
        assertThat(page).doesNotContain(HOSPITAL, HOSPITAL_NO, HOSPITAL_PHONE, RESPONSIBLE_PHONE);
        assertThat(browser.url()).isEqualTo(url("/public/outages.html"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void onAPhoneThePublicPageFitsTheScreenAndFindsTheOutageOfAnAddress() {
        PageCheck.screen(browser, 360, 740, true);
        try {
            browser.open(url("/public/outages.html"));
            browser.await(By.xpath("//table[@id='feed']//tr[td[@class='reason']='" + OUTAGE_REASON + "']"));
            assertThat(PageCheck.sticksOutSideways(browser)).isEmpty();
            browser.screenshot("public-outages-phone-360");

            // the premises address under the outage's line, not the name of any area or line
            search("南路 1 号");
            browser.await(By.id("feed-status"), e -> e.getText().startsWith("“南路 1 号”：1 条停电信息"));
            assertThat(browser.all(By.cssSelector("#feed tbody tr"))).singleElement()
                    .satisfies(r -> assertThat(text(r, ".reason")).isEqualTo(OUTAGE_REASON));
            assertThat(PageCheck.sticksOutSideways(browser)).isEmpty();
            browser.screenshot("public-outages-phone-360-search");

            // an address under no outage (other tests of this class plan outages on the other line)
            search("没有这条路 99 号");
            browser.await(By.id("feed-status"), e -> e.getText().startsWith("“没有这条路 99 号”目前没有停电"));
            assertThat(browser.all(By.cssSelector("#feed tbody tr"))).isEmpty();
        } finally {
            PageCheck.ownScreen(browser);
        }
    }

    @Test
    void linesPageWithoutACodeListsTheLinesEachALinkToItsTree() {
        logIn("agent1001", DemoUsers.AGENT_PASSWORD);
        browser.open(url("/lines.html"));
        browser.await(By.cssSelector("#line-list tr[data-code='" + LINE + "'] a")).click();
        browser.awaitUrl(u -> u.endsWith("/lines.html?code=" + LINE));
        browser.await(By.cssSelector(".area[data-code='" + AREA + "']"));
    }

    private void search(String address) {
        WebElement box = browser.await(By.id("address"));
        box.clear();
        box.sendKeys(address);
        browser.driver().findElement(By.cssSelector("#search button")).click();
    }

    @Test
    void agentIsRefusedTheOutagePagesAndApi() {
        AgentClient agent = AgentClient.login(port, "agent1003", DemoUsers.AGENT_PASSWORD);

        assertThat(agent.get("/outages.html").statusCode()).isEqualTo(403);
        assertThat(agent.get("/outage-board.html").statusCode()).isEqualTo(403);
        assertThat(agent.get("/api/outages?state=current").statusCode()).isEqualTo(403);
        assertThat(agent.get("/lookup.html").statusCode()).isEqualTo(200);
    }

    @Test
    void compactLookupPanelBuiltIntoAnotherPageFindsTheSameAreaWithItsFlag() {
        logIn("agent1001", DemoUsers.AGENT_PASSWORD);
        browser.open(url("/lookup.html"));
        browser.await(By.cssSelector("#lookup .lookup-input"));

        // what agent.html does once the team wires the panel into its side bar
        browser.script("const side = document.createElement('aside'); side.id = 'side';"
                + " document.body.appendChild(side); Hotline.lookupPanel(side, {compact: true, limit: 5}).search(arguments[0]);",
                AREA_NAME);

        WebElement hit = browser.await(By.cssSelector("#side .lookup-panel.compact .result[data-code='" + AREA + "']"));
        assertThat(hit.findElement(By.cssSelector(".outage-flag")).getDomAttribute("data-state")).isEqualTo("active");
        assertThat(hit.getDomAttribute("data-line-code")).isEqualTo(LINE);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void markupInAnAreaNameIsShownAsTextAndNeverRuns() {
        logIn("agent1004", DemoUsers.AGENT_PASSWORD);
        browser.open(url("/lookup.html?q=" + MARKUP_AREA));

        assertThat(text(awaitResult(MARKUP_AREA), ".name")).isEqualTo(MARKUP_AREA_NAME);
        browser.open(url("/lines.html?code=" + LINE));
        WebElement area = browser.await(By.cssSelector("#areas .area[data-code='" + MARKUP_AREA + "']"));
        assertThat(text(area, ".area-name")).startsWith(MARKUP_AREA + " " + MARKUP_AREA_NAME);
        assertThat(browser.all(By.cssSelector("main img, main [onerror]"))).isEmpty();
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static String areasCsv(String goodArea) {
        return "area_code,area_name,line_code,repair_centre_code,repair_centre_name,repair_centre_phone,"
                + "responsible_person,responsible_phone\n"
                + goodArea + ",导入测试台区," + LINE + "," + CENTRE + ",,,李四,13700000402\n"
                + "T4A998,不存在线路台区,NO-SUCH-LINE," + CENTRE + ",,,李四,13700000403\n";
    }

    private WebElement awaitResult(String code) {
        return browser.await(By.cssSelector("#lookup .result[data-code='" + code + "']"));
    }

    private void logIn(String username, String password) {
        browser.logIn(url(""), username, password);
    }

    private void select(String id, String value) {
        browser.script("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change'));", id, value);
    }

    private void type(String id, String text) {
        WebElement input = browser.await(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void setDateTime(String id, LocalDateTime at) {
        setDateTime(browser.await(By.id(id)), at);
    }

    private void setDateTime(WebElement input, LocalDateTime at) {
        browser.script("arguments[0].value = arguments[1];", input,
                at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    }

    private WebElement currentRow(String reason) {
        return browser.await(By.xpath(rowXpath("current", reason)));
    }

    private static String rowXpath(String section, String reason) {
        return "//section[@id='" + section + "']//tr[td[@class='reason']='" + reason + "']";
    }

    private static String shown(Instant at) {
        return SHOWN.format(at.atZone(ZoneId.systemDefault()));
    }

    private static String text(WebElement scope, String css) {
        return Browser.textContent(scope.findElement(By.cssSelector(css)));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
