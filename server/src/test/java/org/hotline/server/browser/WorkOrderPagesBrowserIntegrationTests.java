package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.hotline.cti.area.AreaDirectory;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.CrewTestNetwork;
import org.hotline.workorder.CrewTokens;
import org.hotline.workorder.CreateWorkOrder;
import org.hotline.workorder.Point;
import org.hotline.workorder.PointSource;
import org.hotline.workorder.WorkOrderSummary;
import org.hotline.workorder.WorkOrderUnit;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The dispatchers' work-order page and the big screen's panel of orders at risk in a real headless Chromium: alarms
 * and changes arrive by push (the page is never reloaded), the timeline chart, the role wall. Same server settings as
 * {@code AgentPageBrowserIntegrationTests}: one shared context.
 */
@SimulatedServerTest
class WorkOrderPagesBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = "T12-TEAM1";
    private static final String TEAM2 = "T12-TEAM2";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    WorkOrders workOrders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AreaDirectory areas;

    @Autowired
    CrewTokens crewTokens;

    @Autowired
    DataSource dataSource;

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void closeTheOrdersAndAcknowledgeTheirAlarms() {
        // the other tests sharing this server must not be nagged by this class's orders
        for (long id : created) {
            workOrders.timeline(id).alarms().stream().filter(a -> a.acknowledgedAt() == null)
                    .forEach(a -> workOrders.acknowledge(a.id(), "supervisor"));
            if (workOrders.summary(id).closedAt() == null) {
                workOrders.close(id, "test done", "supervisor");
            }
        }
        created.clear();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void anAlarmArrivesByPushWithoutReloadAndLeavesWhenAcknowledged() throws IOException {
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        openPage();
        String loaded = loadedMark();

        // a complaint taken three hours ago: its 2-hour A→B limit has passed, so the scheduler fires at once
        JsonNode order = createComplaint(Instant.now().minus(Duration.ofHours(3)));
        long id = order.get("id").asLong();
        String row = rowCss(order);
        browser.await(orderRow(order), e -> e.getDomAttribute("class").contains("alarmed"));
        assertThat(attribute(row, "class")).contains("flash");
        assertThat(text(row + " .left")).startsWith("超时");
        assertThat(attribute(row + " .left", "class")).contains("over");
        assertThat(text("#alarm-table tr[data-order-id='" + id + "']")).contains(order.get("orderNo").asText());
        WebElement banner = browser.await(By.id("alarm-banner"), WebElement::isDisplayed);
        assertThat(banner.getText()).contains(order.get("orderNo").asText());

        // acknowledge every alarm of the order (the warning and the alarm fired together), one button at a time
        while (!browser.all(By.cssSelector("#alarm-table tr[data-order-id='" + id + "'] button.ack")).isEmpty()) {
            WebElement ack = browser.await(By.cssSelector("#alarm-table tr[data-order-id='" + id + "'] button.ack"));
            String alarmId = ack.findElement(By.xpath("./ancestor::tr")).getDomAttribute("data-alarm-id");
            ack.click();
            browser.await(By.id("alarm-table"), t -> t.findElements(
                    By.cssSelector("tr[data-alarm-id='" + alarmId + "']")).isEmpty());
        }
        assertThat(workOrders.timeline(id).alarms()).isNotEmpty().allMatch(a -> a.acknowledgedBy() != null);
        browser.await(orderRow(order), e -> !e.getDomAttribute("class").contains("alarmed"));
        assertThat(loadedMark()).as("the page did not load again").isEqualTo(loaded);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aPointRecordedThroughRestUpdatesTheRowByPush() throws IOException {
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        openPage();
        String loaded = loadedMark();
        JsonNode order = createComplaint(null);
        String row = rowCss(order);
        assertThat(text(row + " .stage")).isEqualTo("B 派发");
        assertThat(attribute(row + " .left", "class")).contains("ok");

        try (AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            HttpResponse<String> recorded = agent.postJson("/api/work-orders/" + order.get("id").asLong() + "/points",
                    "{\"point\":\"B\"}");
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        }
        await().atMost(WAIT).until(() -> text(row + " .stage"), "C 处理"::equals);
        assertThat(text(row + " .status")).isEqualTo("已派单");
        assertThat(text(row + " .party")).isEqualTo("营业厅");
        assertThat(loadedMark()).as("the page did not load again").isEqualTo(loaded);
    }

    @Test
    void theTimelineDrawsEachStageAgainstItsLimitAndListsTheReroute() throws IOException {
        JsonNode order = createComplaint(Instant.now().minus(Duration.ofHours(3)));
        long id = order.get("id").asLong();
        workOrders.recordPoint(id, Point.B, null, "agent1001", PointSource.DESK, null, null);
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        openPage();

        browser.await(orderRow(order)).click();
        browser.await(By.cssSelector("#detail[data-order-id='" + id + "']"));
        browser.await(By.cssSelector("#timeline-chart canvas"));
        assertThat(result("A-B")).isEqualTo("over");
        assertThat(result("B-C")).isEqualTo("running");
        assertThat(result("C-D")).isEqualTo("pending");
        assertThat(text("#stage-table tr[data-stage='A-B'] .result")).isEqualTo("超时");
        assertThat(browser.all(By.cssSelector("#log-table tr[data-kind='point']"))).hasSize(2);

        // re-routed on the page: the log gets the row with the reason, the time lost is charged to the hotline
        browser.driver().findElement(By.id("reroute-reason")).sendKeys("不属营业厅受理");
        browser.driver().findElement(By.cssSelector("#reroute-form button[type='submit']")).click();
        String reroute = "#log-table tr[data-kind='reroute']";
        assertThat(text(reroute + " .reason")).contains("不属营业厅受理").contains("计入热线");
        assertThat(text(reroute + " .by")).isEqualTo("supervisor");
        assertThat(text(reroute + " .source")).isEqualTo("坐席台");
        assertThat(text("#stage-table tr[data-stage='A-B'] .lost")).contains("计入热线");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aDispatcherHandsARepairToATeamHandsItToAnotherTeamAndClosesItOnThePage() {
        long id = repairAwaitingTheTeam();
        String orderNo = workOrders.summary(id).orderNo();
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        openPage();
        By row = By.cssSelector("#order-table tr[data-order-no='" + orderNo + "']");
        String rowCss = "#order-table tr[data-order-no='" + orderNo + "']";
        assertThat(text(rowCss + " .stage")).isEqualTo("D 抢修中心派单");
        browser.await(row).click();

        WebElement team = browser.await(By.id("assign-team"), WebElement::isDisplayed);
        assertThat(team.findElements(By.cssSelector("option[value='" + TEAM + "']"))).hasSize(1);
        browser.script("document.getElementById('assign-team').value = arguments[0]", TEAM);
        browser.driver().findElement(By.cssSelector("#assign-form button[type='submit']")).click();
        await().atMost(WAIT).until(() -> text(rowCss + " .team"), "城南抢修一班"::equals);
        assertThat(workOrders.summary(id).team()).isEqualTo(TEAM);
        browser.await(By.id("log-table"), t -> t.findElements(By.cssSelector("tr[data-kind='point'] .unit")).stream()
                .anyMatch(e -> "城南抢修一班".equals(Browser.textContent(e))));

        // the team says the address is not theirs: another team of the centre takes it, the centre is charged
        browser.script("const s = document.getElementById('reroute-after'); s.value = 'D';"
                + " s.dispatchEvent(new Event('change'))");
        browser.await(By.id("reroute-team"), WebElement::isDisplayed);
        browser.script("document.getElementById('reroute-team').value = arguments[0]", TEAM2);
        browser.driver().findElement(By.id("reroute-reason")).sendKeys("地址不属一班");
        browser.driver().findElement(By.cssSelector("#reroute-form button[type='submit']")).click();
        await().atMost(WAIT).until(() -> text(rowCss + " .team"), "城南抢修二班"::equals);
        assertThat(workOrders.summary(id).team()).isEqualTo(TEAM2);
        assertThat(workOrders.timeline(id).log()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("reroute");
            assertThat(e.chargedParty()).isEqualTo(org.hotline.workorder.Party.REPAIR_CENTRE);
        });

        browser.driver().findElement(By.id("close-reason")).sendKeys("重复报修");
        browser.driver().findElement(By.cssSelector("#close-form button[type='submit']")).click();
        browser.await(By.id("order-table"), t -> t.findElements(row).isEmpty());
        assertThat(workOrders.summary(id).closedAt()).isNotNull();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aDispatcherAssignsACrewSeesByPushThatItCannotGoAndAssignsTheOtherCrew() {
        CrewTestNetwork net = new CrewTestNetwork(dataSource);
        long id = net.orderAtTeam(workOrders, "路灯不亮");
        created.add(id);
        String orderNo = workOrders.summary(id).orderNo();
        String rowCss = "#order-table tr[data-order-no='" + orderNo + "']";
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        openPage();
        String loaded = loadedMark();
        assertThat(text(rowCss + " .team")).isEqualTo("抢修三班");
        browser.await(By.cssSelector(rowCss)).click();

        browser.await(By.id("crew-form"), WebElement::isDisplayed);
        assertThat(browser.all(By.cssSelector("#crew-select option"))).hasSize(2);
        browser.script("document.getElementById('crew-select').value = arguments[0]", net.crew);
        browser.driver().findElement(By.id("crew-assign")).click();
        await().atMost(WAIT).until(() -> text(rowCss + " .team"), "抢修三班 · 抢修三班一组"::equals);
        assertThat(workOrders.summary(id).crew()).isEqualTo(net.crew);
        browser.await(By.cssSelector("#crew-table tr.crew-report.assigned"));

        // the crew says on its phone that it cannot go: the page learns it by push, with the reason
        String secret = crewTokens.issue(net.crew, "张师傅", "13900000001", "admin").secret();
        HttpResponse<String> refused = crewPost(secret, "/api/crew/orders/" + id + "/cannot-go",
                "{\"reason\":\"车辆故障<b>\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> text(rowCss + " .status"), "抢修小组无法出发"::equals);
        WebElement banner = browser.await(By.id("alarm-banner"), WebElement::isDisplayed);
        assertThat(banner.getText()).contains(orderNo).contains("车辆故障<b>");
        browser.await(By.cssSelector("#crew-table tr.crew-report.cannot_go"));
        assertThat(text("#crew-table tr.crew-report.cannot_go .content")).isEqualTo("车辆故障<b>");
        assertThat(browser.all(By.cssSelector("#crew-table b"))).as("the reason is text").isEmpty();
        assertThat(text(rowCss + " .team")).isEqualTo("抢修三班");

        browser.await(By.id("crew-form"), WebElement::isDisplayed);
        browser.script("document.getElementById('crew-select').value = arguments[0]", net.otherCrew);
        browser.driver().findElement(By.id("crew-assign")).click();
        await().atMost(WAIT).until(() -> text(rowCss + " .team"), "抢修三班 · 抢修三班二组"::equals);
        await().atMost(WAIT).until(() -> text(rowCss + " .status"), s -> !s.equals("抢修小组无法出发"));
        assertThat(workOrders.summary(id).crew()).isEqualTo(net.otherCrew);
        browser.await(By.id("alarm-banner"), e -> !e.isDisplayed());
        assertThat(loadedMark()).as("the page did not load again").isEqualTo(loaded);
        browser.screenshot("workorders-crew");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aReconnectedPageLoadsAgainWhatChangedWhileItWasOffline() throws IOException {
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        openPage();
        String loaded = loadedMark();
        assertThat(browser.dropWebSockets()).isEqualTo(1);
        JsonNode order = createComplaint(null);

        browser.await(orderRow(order));
        browser.await(By.cssSelector("#connection.up"));
        browser.await(By.tagName("body"), b -> !loaded.equals(b.getDomAttribute("data-loaded")));
    }

    @Test
    void theBigScreenListsTheOrderAtRiskAndCountsItsAlarms() throws IOException {
        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        browser.open(url("/wallboard.html"));
        browser.await(By.id("wo-risk"), WebElement::isDisplayed);
        JsonNode late = createComplaint(Instant.now().minus(Duration.ofHours(3)));
        JsonNode fresh = createComplaint(null);

        // one look: the list is redrawn on every push, so an element found first may be gone when read
        browser.await(By.cssSelector("#wo-risk-list li[data-order-no='" + late.get("orderNo").asText() + "']"),
                e -> "over".equals(browser.script("const li = document.querySelector(\"#wo-risk-list li[data-order-no='"
                        + late.get("orderNo").asText() + "']\"); return li && li.className")));
        browser.await(By.id("wo-alarm-count"), e -> Integer.parseInt(Browser.textContent(e)) >= 1);
        browser.await(By.id("wo-risk-count"),
                e -> Integer.parseInt(Browser.textContent(e)) >= 1);
        assertThat(browser.all(By.cssSelector("#wo-risk-list li[data-order-no='" + fresh.get("orderNo").asText()
                + "']"))).as("an order with most of its stage left is not at risk").isEmpty();
    }

    @Test
    void anAgentGetsNeitherTheWorkOrderPageNorTheAlarms() {
        try (AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            assertThat(agent.get("/workorders.html").statusCode()).isEqualTo(403);
            assertThat(agent.get("/api/work-orders/alarms").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void thePagesFitBothScreensWithoutSidewaysScroll() throws IOException {
        // a few orders: a repair handed to a team, a late complaint with its alarm, a fresh one, a re-routed one
        WorkOrderSummary repair = workOrders.summary(repairAwaitingTheTeam());
        Instant a = repair.createdAt().minus(Duration.ofMinutes(9));
        workOrders.recordPoint(repair.id(), Point.D, a.plusSeconds(400), "dispatcher", PointSource.DESK, TEAM, null);
        // the team was the wrong one: the minute since is charged to the repair centre that chose it
        workOrders.reroute(repair.id(), Point.D, null, "班组不在该台区", "supervisor");
        JsonNode late = createComplaint(Instant.now().minus(Duration.ofHours(3)));
        createComplaint(Instant.now().minus(Duration.ofMinutes(100)));
        createComplaint(null);

        logIn("supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            openPage();
            browser.await(By.cssSelector("#alarm-table tr[data-order-id='" + late.get("id").asLong() + "']"));
            browser.screenshot("workorders-" + size.width + "-lists");
            browser.await(By.cssSelector("#order-table tr[data-order-id='" + repair.id() + "']")).click();
            browser.await(By.cssSelector("#detail[data-order-id='" + repair.id() + "'] #timeline-chart canvas"));
            assertThat(text("#stage-table tr[data-stage='C-D'] .lost")).contains("计入抢修中心");
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("workorders-" + size.width);
            browser.script("document.getElementById('log-table').scrollIntoView()");
            browser.screenshot("workorders-" + size.width + "-log");
            browser.open(url("/wallboard.html"));
            browser.await(By.cssSelector("#wo-risk-list li[data-order-no='" + late.get("orderNo").asText() + "']"));
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll on the big screen at %s", size).isEqualTo(true);
            browser.screenshot("wallboard-" + size.width);
        }
    }

    /** A repair at the hospital of the outage tests' network, started 9 minutes ago, waiting for the team (D). */
    private long repairAwaitingTheTeam() {
        OutageTestNetwork.writeOnce(jdbc, areas);
        workOrders.saveUnit(new WorkOrderUnit(TEAM, "城南抢修一班", "team", OutageTestNetwork.CENTRE, null, true,
                "王班长", "13700001201", "李班长", "13700001202"));
        workOrders.saveUnit(new WorkOrderUnit(TEAM2, "城南抢修二班", "team", OutageTestNetwork.CENTRE, null, false,
                "赵班长", "13700001203", "钱班长", "13700001204"));
        long hospital = customers.findByAccountNo("T4-0000001").orElseThrow().id();
        Instant a = Instant.now().minus(Duration.ofMinutes(9));
        long id = workOrders.create(new CreateWorkOrder("repair", null, hospital, null, null, "医院停电", a, null,
                true, "agent1001", PointSource.DESK)).id();
        created.add(id);
        workOrders.recordPoint(id, Point.B, a.plusSeconds(70), "agent1001", PointSource.DESK, null, null);
        workOrders.recordPoint(id, Point.C, a.plusSeconds(250), "system", PointSource.DESK, null, null);
        return id;
    }

    private String result(String stage) {
        return attribute("#stage-table tr[data-stage='" + stage + "']", "data-result");
    }

    // read in one script once the element exists: a push may re-render the row between two WebDriver calls
    private String text(String css) {
        return await().atMost(WAIT).until(() -> (String) browser.script(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css),
                Objects::nonNull);
    }

    private String attribute(String css, String name) {
        return await().atMost(WAIT).until(() -> (String) browser.script(
                "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css, name), Objects::nonNull);
    }

    private static String rowCss(JsonNode order) {
        return "#order-table tr[data-order-no='" + order.get("orderNo").asText() + "']";
    }

    private JsonNode createComplaint(Instant startedAt) throws IOException {
        long zhang = customers.findByAccountNo("2024001").orElseThrow().id();
        try (AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            HttpResponse<String> r = agent.postJson("/api/work-orders", "{\"type\":\"complaint\",\"customerId\":"
                    + zhang + (startedAt == null ? "" : ",\"startedAt\":\"" + startedAt + "\"")
                    + ",\"summary\":\"抄表不准\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode order = JSON.readTree(r.body());
            created.add(order.get("id").asLong());
            return order;
        }
    }

    private static By orderRow(JsonNode order) {
        return By.cssSelector("#order-table tr[data-order-no='" + order.get("orderNo").asText() + "']");
    }

    private void openPage() {
        browser.open(url("/workorders.html"));
        browser.await(By.cssSelector("body[data-loaded]"));
        browser.await(By.cssSelector("#connection.up"));
    }

    // set by the page each time it loads by REST: unchanged means every later change came by push
    private String loadedMark() {
        return browser.driver().findElement(By.tagName("body")).getDomAttribute("data-loaded");
    }

    private void logIn(String username, String password) {
        browser.logIn(url(""), username, password);
    }

    private HttpResponse<String> crewPost(String secret, String path, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
