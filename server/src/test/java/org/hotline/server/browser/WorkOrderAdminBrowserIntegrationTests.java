package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.CrewTestNetwork;
import org.hotline.server.testing.SimulatedServerTest;
import org.hotline.workorder.CrewToken;
import org.hotline.workorder.CrewTokens;
import org.hotline.workorder.WorkOrderUnit;
import org.hotline.workorder.WorkOrders;
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
 * The administrators' work-order page (工单管理) in a real headless Chromium: units added through the form land in
 * the API, a crew token is shown once and works until it is revoked with a reason, nobody else gets the page, and
 * record text stays text. Same server settings as {@code AgentPageBrowserIntegrationTests}: one shared context.
 */
@SimulatedServerTest
class WorkOrderAdminBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final String MARKUP = "<img src=x onerror=alert(1)>";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    WorkOrders orders;
    @Autowired
    CrewTokens tokens;

    private CrewTestNetwork net;

    @BeforeEach
    void aRepairCentreWithATeamAndTwoCrews() {
        net = new CrewTestNetwork(dataSource);
    }

    @AfterEach
    void desktopSizeAgain() {
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void anAdministratorAddsATeamAndItsCrewOnThePageAndTheServersRefusalIsShownInTheForm() {
        logIn("admin", DemoUsers.ADMIN_PASSWORD);
        openPage();
        String team = "A" + net.team;
        String crew = "A" + net.crew;

        browser.await(By.cssSelector(".wa-centre[data-centre='" + net.centre + "'] .wa-centre-head button.add")).click();
        assertThat(value("u-kind")).isEqualTo("team");
        assertThat(value("u-centre")).isEqualTo(net.centre);
        type("u-code", team);
        type("u-name", "城北抢修四班");
        WebElement sameSite = browser.driver().findElement(By.id("u-same-site"));
        assertThat(sameSite.isSelected()).as("a new team sits at the centre's site").isTrue();
        assertThat(browser.driver().findElement(By.id("u-same-site-hint")).getText()).contains("2分钟", "4分钟");
        sameSite.click();
        type("u-m1-name", "周班长");
        type("u-m1-phone", "13700009901");
        type("u-m2-name", "吴班长");
        type("u-m2-phone", "电话没有");
        save();
        WebElement error = browser.await(By.id("unit-error"), WebElement::isDisplayed);
        assertThat(error.getText()).isEqualTo("负责人手机号码格式不对：只能有数字、空格或 -，如 13800000001");
        assertThat(error.getDomAttribute("title")).as("the server's own reason, for support").startsWith("manager phone:");
        assertThat(orders.units()).noneMatch(u -> u.code().equals(team));
        assertThat(browser.consoleErrors()).as("the refusal, and nothing else").singleElement(
                org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("/api/work-orders/units/" + team, "400");

        type("u-m2-phone", "13700009902");
        save();
        WebElement node = browser.await(By.cssSelector("li.wa-unit[data-unit='" + team + "']"));
        assertThat(node.getText()).contains("城北抢修四班", "不同址", "周班长 13700009901", "吴班长 13700009902");
        assertThat(browser.await(By.id("unit-saved"), WebElement::isDisplayed).getText()).isEqualTo("已保存：城北抢修四班");
        assertThat(unit(team)).isEqualTo(new WorkOrderUnit(team, "城北抢修四班", "team", net.centre, null, false, "周班长",
                "13700009901", "吴班长", "13700009902"));

        // a crew from the team's own button: kind, centre and team are chosen already
        node.findElement(By.cssSelector(".wa-line button.add")).click();
        assertThat(value("u-kind")).isEqualTo("crew");
        assertThat(value("u-parent")).isEqualTo(team);
        assertThat(browser.driver().findElement(By.id("u-same-site-label")).isDisplayed()).isFalse();
        type("u-code", crew);
        type("u-name", "城北抢修四班一组");
        save();
        browser.await(By.cssSelector("li.wa-unit[data-unit='" + team + "'] li.wa-unit[data-unit='" + crew + "']"));
        assertThat(unit(crew).kind()).isEqualTo("crew");
        assertThat(unit(crew).parent()).isEqualTo(team);
        assertThat(unit(crew).repairCentre()).isEqualTo(net.centre);

        // editing keeps the code and changes the rest
        browser.await(By.cssSelector("li.wa-unit[data-unit='" + team + "'] > .wa-line button.edit")).click();
        assertThat(browser.driver().findElement(By.id("u-code")).getDomProperty("readOnly")).isEqualTo("true");
        type("u-name", "城北抢修五班");
        save();
        await().atMost(Duration.ofSeconds(15)).until(() -> unit(team).name(), "城北抢修五班"::equals);
        assertThat(unit(crew).parent()).isEqualTo(team);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anIssuedTokenIsShownOnceWorksForTheCrewAppAndIsRefusedAfterItIsRevokedWithAReason() throws Exception {
        logIn("admin", DemoUsers.ADMIN_PASSWORD);
        openPage();
        select("t-crew", net.crew);
        type("t-name", "李师傅");
        type("t-phone", "13900000077");
        browser.driver().findElement(By.cssSelector("#issue-form button[type='submit']")).click();

        WebElement issued = browser.await(By.id("issued"), WebElement::isDisplayed);
        String secret = Browser.textContent(browser.driver().findElement(By.id("issued-secret")));
        assertThat(secret).startsWith(CrewTokens.PREFIX).hasSizeGreaterThan(40);
        assertThat(issued.getText()).contains("李师傅", "抢修三班一组", "只显示这一次");
        assertThat(Browser.textContent(browser.driver().findElement(By.id("issued-url"))))
                .isEqualTo("http://127.0.0.1:" + port + "/crew.html");
        assertThat(crewOrders(secret).statusCode()).isEqualTo(200);

        CrewToken token = tokens.list().stream().filter(t -> t.crew().equals(net.crew)).findFirst().orElseThrow();
        String row = "#token-table tr[data-token-id='" + token.id() + "']";
        WebElement tr = browser.await(By.cssSelector(row));
        assertThat(tr.getDomAttribute("data-state")).isEqualTo("valid");
        assertThat(tr.getText()).contains("李师傅", "13900000077", "抢修三班一组", token.hint(), "有效", "admin")
                .doesNotContain(secret);

        browser.driver().findElement(By.id("issued-close")).click();
        assertThat(issued.isDisplayed()).isFalse();
        assertThat((String) browser.script("return document.body.textContent")).doesNotContain(secret);
        openPage();
        assertThat((String) browser.script("return document.documentElement.outerHTML")).doesNotContain(secret);

        browser.await(By.cssSelector(row + " button.revoke")).click();
        WebElement reason = browser.await(By.cssSelector(row + " .wa-revoke input.reason"), WebElement::isDisplayed);
        assertThat(browser.openAlertText()).as("asked in the row, not in a browser prompt").isNull();
        browser.driver().findElement(By.cssSelector(row + " .wa-revoke button.confirm")).click();
        assertThat(browser.await(By.cssSelector(row + " .wa-revoke .error"), WebElement::isDisplayed).getText())
                .isEqualTo("请填写吊销原因");
        assertThat(tokens.token(token.id()).revokedAt()).isNull();
        reason.sendKeys("手机遗失");
        browser.driver().findElement(By.cssSelector(row + " .wa-revoke button.confirm")).click();

        tr = browser.await(By.cssSelector(row + "[data-state='revoked']"));
        assertThat(tr.getText()).contains("已吊销", "admin", "手机遗失");
        assertThat(tr.findElements(By.cssSelector("button.revoke"))).isEmpty();
        assertThat(tokens.token(token.id()).revokeReason()).isEqualTo("手机遗失");
        HttpResponse<String> refused = crewOrders(secret);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("手机遗失");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void supervisorsAndAgentsGetNeitherThePageNorItsScriptNorTheTokens() {
        for (String user : List.of("supervisor", "agent1001")) {
            String password = user.equals("supervisor") ? DemoUsers.SUPERVISOR_PASSWORD : DemoUsers.AGENT_PASSWORD;
            try (AgentClient client = AgentClient.login(port, user, password)) {
                assertThat(client.get("/workorder-admin.html").statusCode()).as(user).isEqualTo(403);
                assertThat(client.get("/js/workorder-admin.js").statusCode()).as(user).isEqualTo(403);
                assertThat(client.get("/api/work-orders/crew-tokens").statusCode()).as(user).isEqualTo(403);
                assertThat(client.postJson("/api/work-orders/crew-tokens", "{\"crew\":\"" + net.crew
                        + "\",\"memberName\":\"冒充\"}").statusCode()).as(user).isEqualTo(403);
            }
        }
        assertThat(tokens.list()).noneMatch(t -> t.memberName().equals("冒充"));
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            assertThat(admin.get("/workorder-admin.html").statusCode()).isEqualTo(200);
            assertThat(admin.get("/js/workorder-admin.js").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAdministratorReachesThePageFromTheOutagePageWhereSupervisorsSeeNoLink() {
        logIn("admin", DemoUsers.ADMIN_PASSWORD);
        assertThat(browser.url()).endsWith("/outages.html");
        browser.await(By.cssSelector("header a[href='/workorder-admin.html']"), WebElement::isDisplayed).click();
        browser.await(By.cssSelector("body[data-loaded]"));
        assertThat(browser.url()).endsWith("/workorder-admin.html");

        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.open(url("/outages.html"));
        browser.await(By.tagName("html"), e -> "complete".equals(browser.script("return document.readyState")));
        assertThat(browser.await(By.cssSelector("header a[href='/workorder-admin.html']")).isDisplayed()).isFalse();
    }

    @Test
    void markupInAUnitOrMemberNameIsShownAsText() {
        String team = "X" + net.team;
        orders.saveUnit(new WorkOrderUnit(team, MARKUP, "team", net.centre, null, true, MARKUP, null, null, null));
        tokens.issue(net.otherCrew, MARKUP, null, "admin");
        logIn("admin", DemoUsers.ADMIN_PASSWORD);
        openPage();

        WebElement node = browser.await(By.cssSelector("li.wa-unit[data-unit='" + team + "']"));
        assertThat(Browser.textContent(node.findElement(By.cssSelector(".name")))).isEqualTo(MARKUP);
        assertThat(Browser.textContent(node.findElement(By.cssSelector(".managers")))).isEqualTo("负责人：" + MARKUP);
        assertThat(browser.all(By.cssSelector("#token-table td.member")).stream().map(Browser::textContent))
                .contains(MARKUP);
        browser.await(By.cssSelector("li.wa-unit[data-unit='" + team + "'] > .wa-line button.edit")).click();
        assertThat(value("u-name")).isEqualTo(MARKUP);
        assertThat(browser.all(By.tagName("img"))).isEmpty();
        assertThat(browser.openAlertText()).isNull();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void thePageFitsBothScreensInChineseOnly() {
        tokens.issue(net.crew, "张师傅", "13900000001", "admin");
        CrewToken lost = tokens.issue(net.otherCrew, "王师傅", null, "admin");
        tokens.revoke(lost.id(), "手机遗失，已补发", "admin");
        logIn("admin", DemoUsers.ADMIN_PASSWORD);
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            openPage();
            browser.await(By.cssSelector("li.wa-unit[data-unit='" + net.crew + "']"));
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            String types = Browser.textContent(browser.driver().findElement(By.id("type-table")));
            assertThat(types).contains("报修", "客户挂机", "承诺时限 45分钟", "同址 2分钟，不同址 4分钟", "抢修中心")
                    .doesNotContain("fault repair", "hangs up", "MINUTES", "REPAIR_CENTRE");
            browser.screenshot("workorder-admin-" + size.width + "-units");
            browser.script("document.querySelector('.wa-centre[data-centre=\"' + arguments[0] + '\"]').scrollIntoView()",
                    net.centre);
            browser.screenshot("workorder-admin-" + size.width + "-tree");
            select("t-crew", net.crew);
            type("t-name", "赵师傅");
            browser.driver().findElement(By.cssSelector("#issue-form button[type='submit']")).click();
            browser.await(By.id("issued"), WebElement::isDisplayed);
            browser.script("document.getElementById('tokens').scrollIntoView()");
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll with the secret shown at %s", size).isEqualTo(true);
            browser.screenshot("workorder-admin-" + size.width + "-tokens");
            browser.script("document.getElementById('types').scrollIntoView()");
            browser.screenshot("workorder-admin-" + size.width + "-types");
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void openPage() {
        browser.open(url("/workorder-admin.html"));
        browser.await(By.cssSelector("body[data-loaded]"));
    }

    private void save() {
        browser.driver().findElement(By.id("unit-save")).click();
    }

    private WorkOrderUnit unit(String code) {
        return orders.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    private HttpResponse<String> crewOrders(String secret) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/crew/orders")))
                .header("Authorization", "Bearer " + secret).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String value(String id) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> (String) browser.script(
                "const e = document.getElementById(arguments[0]); return e ? e.value : null;", id), Objects::nonNull);
    }

    private void select(String id, String value) {
        browser.await(By.cssSelector("#" + id + " option[value='" + value + "']"));
        browser.script("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change'));", id, value);
    }

    private void type(String id, String text) {
        WebElement input = browser.await(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void logIn(String username, String password) {
        browser.logIn(url(""), username, password);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
