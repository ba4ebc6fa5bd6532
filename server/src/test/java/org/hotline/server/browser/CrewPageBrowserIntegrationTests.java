package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.server.testing.CrewTestNetwork;
import org.hotline.workorder.CrewApp;
import org.hotline.workorder.CrewTokens;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The crew's phone page in headless Chromium at a phone's 390×844, with no login: the token entered once, then
 * accept → depart → arrive (the position from an overridden geolocation) → done with a photo. Same server settings
 * as {@code AgentPageBrowserIntegrationTests}.
 */
@SimulatedServerTest
class CrewPageBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    WorkOrders orders;
    @Autowired
    CrewTokens tokens;
    @Autowired
    CrewApp crewApp;

    private CrewTestNetwork net;
    private long order;
    private String token;

    @BeforeEach
    void anOrderAssignedToACrewOnAPhone() {
        net = new CrewTestNetwork(dataSource);
        order = net.orderAtTeam(orders, "整栋楼停电，闻到焦味");
        crewApp.assign(order, net.crew, "supervisor");
        token = tokens.issue(net.crew, "张师傅", "13900000001", "admin").secret();
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterEach
    void desktopAgain() {
        // the next test starts without a token, whatever this one stored
        browser.script("if (location.origin === arguments[0]) localStorage.clear()", url(""));
        browser.driver().executeCdpCommand("Browser.resetPermissions", Map.of());
        browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.driver().executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
    }

    @Test
    void aCrewEntersItsTokenOnceThenAcceptsDepartsArrivesWithItsPositionAndReportsDone() throws Exception {
        browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                "permissions", List.of("geolocation")));
        browser.driver().executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 30.2741,
                "longitude", 120.1551, "accuracy", 15));
        browser.open(url("/crew.html"));
        browser.await(By.id("token"), WebElement::isDisplayed).sendKeys(token);
        browser.driver().findElement(By.cssSelector("#token-form button[type=submit]")).click();

        WebElement card = card("accept");
        assertThat(Browser.textContent(browser.await(By.id("who")))).isEqualTo("张师傅 · 抢修三班一组");
        assertThat(Browser.textContent(card.findElement(By.className("address")))).contains(net.address);
        assertThat(Browser.textContent(card.findElement(By.className("type")))).isEqualTo("报修");
        assertThat(Browser.textContent(card.findElement(By.className("stage")))).contains("班组接单")
                .doesNotContain("accepts");
        browser.await(By.cssSelector(".order .left"), e -> e.getText().matches("(剩余|超时) \\d+:\\d\\d"));
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scroll on a phone").isTrue();
        browser.screenshot("crew-page-390-order");

        button(card, "accept").click();
        card = card("depart");
        button(card, "depart").click();
        card = card("arrive");
        button(card, "arrive").click();
        WebElement position = browser.await(By.cssSelector(".form[data-form=arrive] .position"),
                e -> e.getText().contains("精度"));
        assertThat(position.getText()).contains("30.27410", "120.15510", "±15 米");
        browser.screenshot("crew-page-390-arrive");
        browser.await(By.cssSelector(".form[data-form=arrive] .send"), WebElement::isEnabled).click();
        card = card("done");

        button(card, "done").click();
        Path photo = Files.createTempFile("crew-photo", ".png");
        Files.write(photo, PNG);
        card.findElement(By.cssSelector(".note-text")).sendKeys("更换熔丝，已复电");
        card.findElement(By.cssSelector(".photos")).sendKeys(photo.toAbsolutePath().toString());
        assertThat(browser.await(By.cssSelector(".photo-hint"), e -> e.getText().startsWith("已选")).getText())
                .contains("已选 1 张", "最多 3 张");
        browser.screenshot("crew-page-390-done-form");
        card.findElement(By.cssSelector(".form[data-form=done] .send")).click();
        browser.await(By.id("empty"), WebElement::isDisplayed);
        assertThat(browser.await(By.id("message")).getText()).isEqualTo("已上报完工");
        browser.screenshot("crew-page-390-after-done");

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(orders.summary(order).status()).isEqualTo("resolved");
        assertThat(jdbc.queryForObject("select latitude from work_order_crew_reports where order_id = ? and kind = "
                + "'arrived'", Double.class, order)).isEqualTo(30.2741);
        assertThat(jdbc.queryForObject("select accuracy_m from work_order_crew_reports where order_id = ? and kind = "
                + "'arrived'", Double.class, order)).isEqualTo(15.0);
        assertThat(jdbc.queryForObject("select data from work_order_photos where order_id = ?", byte[].class, order))
                .isEqualTo(PNG);
        assertThat(jdbc.queryForList("select recorded_by_name from work_order_points where order_id = ? and source = "
                + "'crew_app' order by id", String.class, order)).containsOnly("张师傅").hasSize(5);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void withLocationDeniedTheCrewIsToldAndMayReportArrivalWithoutAPosition() {
        browser.open(url("/crew.html"));
        browser.script("localStorage.setItem('hotline.crew.token', arguments[0]); location.reload()", token);
        button(card("accept"), "accept").click();
        button(card("depart"), "depart").click();
        browser.driver().executeCdpCommand("Browser.setPermission", Map.of("origin", url(""),
                "permission", Map.of("name", "geolocation"), "setting", "denied"));
        button(card("arrive"), "arrive").click();
        WebElement position = browser.await(By.cssSelector(".form[data-form=arrive] .position"),
                e -> e.getText().contains("无法获取定位"));
        assertThat(position.getText()).contains("可以不带定位上报到达");
        assertThat(browser.await(By.cssSelector(".form[data-form=arrive] .send")).isEnabled()).isFalse();
        browser.await(By.cssSelector(".form[data-form=arrive] .send-without"), WebElement::isDisplayed).click();
        card("done");
        assertThat(browser.await(By.id("message")).getText()).isEqualTo("已上报到达现场（无定位）");
        assertThat(new JdbcTemplate(dataSource).queryForObject("select latitude is null from work_order_crew_reports "
                + "where order_id = ? and kind = 'arrived'", Boolean.class, order)).isTrue();
    }

    @Test
    void anOrderAssignedWhileThePageIsOpenAppearsAndOneTakenAwayGoesWithoutARefresh() {
        browser.open(url("/crew.html"));
        browser.script("localStorage.setItem('hotline.crew.token', arguments[0]); location.reload()", token);
        card("accept");
        browser.await(By.cssSelector("body[data-live='true']"));
        long second = net.orderAtTeam(orders, "路灯不亮");

        crewApp.assign(second, net.crew, "supervisor");
        browser.await(By.cssSelector(".order[data-id='" + second + "']"));
        // the dispatcher gives the first order to the other crew: it leaves this crew's list
        crewApp.assign(order, net.otherCrew, "supervisor");
        browser.await(By.id("order-list"), l -> l.findElements(By.cssSelector(".order[data-id='" + order + "']"))
                .isEmpty());
        assertThat(browser.all(By.cssSelector(".order[data-id='" + second + "']"))).hasSize(1);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aRevokedTokenIsForgottenAndThePageSaysWhy() {
        browser.open(url("/crew.html"));
        browser.script("localStorage.setItem('hotline.crew.token', arguments[0]); location.reload()", token);
        card("accept");
        long id = tokens.list().stream().filter(t -> t.memberName().equals("张师傅") && t.crew().equals(net.crew))
                .findFirst().orElseThrow().id();
        tokens.revoke(id, "手机丢失", "admin");
        browser.await(By.id("refresh"), WebElement::isDisplayed).click();
        assertThat(browser.await(By.id("message"), e -> e.getText().contains("令牌")).getText())
                .contains("被 admin 停用", "原因：手机丢失", "请向管理员领取新令牌").doesNotContain("revoked");
        assertThat(browser.await(By.id("token-form")).isDisplayed()).isTrue();
        assertThat(browser.script("return localStorage.getItem('hotline.crew.token')")).isNull();
        browser.screenshot("crew-page-390-revoked");
    }

    @Test
    void onDesktopScreensThePageStaysOneReadableColumnWithoutSidewaysScroll() {
        browser.open(url("/crew.html"));
        browser.script("localStorage.setItem('hotline.crew.token', arguments[0]); location.reload()", token);
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size[0],
                    "height", size[1], "deviceScaleFactor", 1, "mobile", false));
            card("accept");
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %dx%d", size[0], size[1]).isTrue();
            assertThat(((Number) browser.script("return document.querySelector('main').offsetWidth")).intValue())
                    .isLessThan(700);
            browser.screenshot("crew-page-" + size[0] + "x" + size[1]);
        }
    }

    private WebElement card(String next) {
        return browser.await(By.cssSelector(".order[data-id='" + order + "'][data-next='" + next + "']"));
    }

    private static WebElement button(WebElement card, String act) {
        return card.findElement(By.cssSelector("button[data-act='" + act + "']"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
