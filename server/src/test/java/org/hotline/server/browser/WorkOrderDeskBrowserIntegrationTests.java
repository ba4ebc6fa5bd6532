package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * Work orders on the agent page in headless Chromium: "新建工单" from a pop during the call, the order in the card with
 * its stage once the call ends (A is the hang-up), and the duplicate dialog linking a second report to the first.
 * Same server settings as {@code AgentDeskBrowserIntegrationTests}, so they share one Spring context.
 */
@SimulatedServerTest
class WorkOrderDeskBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final Duration PATIENT = Duration.ofMinutes(30);
    private static final String NUMBER = "13700005501";
    private static final String CUSTOMER_NO = "WOD0001";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory agentDirectory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkOrders orders;

    private final List<CallHandle> calls = new ArrayList<>();

    @BeforeEach
    void amiIsConnectedAndTheCustomerExists() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, agentDirectory);
        writeCustomerOnce();
    }

    @AfterEach
    void hangUpAndCloseOrders() {
        calls.forEach(CallHandle::hangup);
        // other classes share this database: leave no open order behind
        for (Long id : jdbc.queryForList("select w.id from work_orders w join customers c on c.id = w.customer_id "
                + "where c.customer_no = ? and w.closed_at is null", Long.class, CUSTOMER_NO)) {
            orders.close(id, "test over", "supervisor");
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    // a customer of its own on a line with a repair centre and no outage, with two premises to choose from
    private void writeCustomerOnce() {
        if (jdbc.queryForObject("select count(*) from customers where customer_no = ?", Integer.class, CUSTOMER_NO) > 0) {
            return;
        }
        long centre = id("insert into repair_centres (code, name, phone) values ('WOD-RC', '城北抢修中心', '0571-1') "
                + "returning id");
        long sub = id("insert into substations (code, name) values ('WOD-SUB', '城北变') returning id");
        long line = id("insert into feeder_lines (code, name, substation_id, repair_centre_id) values ('WOD-L1', "
                + "'城北1线', ?, ?) returning id", sub, centre);
        long area = id("insert into transformer_areas (code, name, feeder_line_id) values ('WOD-A1', '文一路台区', ?) "
                + "returning id", line);
        long home = id("insert into addresses (full_text) values ('文一路 8 号 3 单元 501') returning id");
        long shop = id("insert into addresses (full_text) values ('文一路 10 号 商铺') returning id");
        long homePremises = id("insert into premises (address_id, transformer_area_id) values (?, ?) returning id",
                home, area);
        long shopPremises = id("insert into premises (address_id, transformer_area_id) values (?, ?) returning id",
                shop, area);
        long customer = id("insert into customers (customer_no, name, kind, address_id) values (?, '赵建国', "
                + "'residential', ?) returning id", CUSTOMER_NO, home);
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values ('WOD-0001-1', ?, ?), "
                + "('WOD-0001-2', ?, ?)", customer, homePremises, customer, shopPremises);
        jdbc.update("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values "
                + "(?, ?, ?, 'mobile', true)", customer, NUMBER, NUMBER);
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void anOrderCreatedFromThePopStartsAtTheHangUpShowsItsStageAndASecondReportLinksToIt() {
        logInAndAwaitOnline("agent1002");
        CallHandle call = servers.simulator().placeCall(CallSpec.of(NUMBER, "hotline")
                .withOutcome(new Outcome.RingUntilTold("1002")).withPatience(PATIENT).withTalkTime(PATIENT));
        calls.add(call);
        String card = "#pops article.pop[data-call-id='" + call.linkedid() + "'] .customer[data-customer-no='"
                + CUSTOMER_NO + "']";
        text(card + " .wo-none");
        call.answer();
        browser.await(By.cssSelector("#pops article.pop[data-call-id='" + call.linkedid() + "'][data-status='ANSWERED']"));

        click(card + " .wo-new");
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(card + " .wo-type-input option").contains("报修"));
        assertThat(texts(card + " .wo-type-input option")).contains("报修", "投诉")
                .noneMatch(o -> o.contains("fault") || o.contains("repair"));
        select(card + " .wo-type-input", "repair");
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(card + " .wo-premises-input option").size() == 3);
        assertThat(text(card + " .wo-call")).contains(call.linkedid());
        assertThat(browser.script("return document.querySelector(arguments[0]).value", card + " .wo-number-input"))
                .isEqualTo(NUMBER);
        stable(() -> browser.driver().findElement(By.cssSelector(card + " .wo-summary-input"))
                .sendKeys("<b>整栋楼</b>没电"));
        click(card + " .wo-submit");
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(card + " .wo-message").equals(List.of("请选择故障地址")));
        select(card + " .wo-premises-input", "文一路 10 号 商铺 · WOD-0001-2");
        shoot("workorder-desk-new-order-form", card + " .wo-form");
        click(card + " .wo-submit");

        assertThat(text(card + " .wo-note")).startsWith("已创建工单 WO");
        Map<String, Object> row = jdbc.queryForMap("select w.id, w.order_no, w.summary, w.call_id, w.awaiting_point, "
                + "p.address_id from work_orders w join premises p on p.id = w.premises_id join customers c "
                + "on c.id = w.customer_id where c.customer_no = ? and w.closed_at is null", CUSTOMER_NO);
        long orderId = ((Number) row.get("id")).longValue();
        assertThat(row.get("summary")).isEqualTo("<b>整栋楼</b>没电");
        assertThat(row.get("call_id")).isEqualTo(call.linkedid());
        assertThat(row.get("awaiting_point").toString().strip()).isEqualTo("A");
        String item = card + " li.wo[data-order-id='" + orderId + "']";
        assertThat(text(item + " .wo-stage")).isEqualTo("客户挂机");
        assertThat(text(item + " .wo-left")).isEqualTo("等待通话结束");

        call.hangup();
        // the server records A from the call's record and pushes the change to this agent's desk
        await().atMost(Duration.ofSeconds(15)).until(() -> !texts(item + " .wo-stage").equals(List.of("客户挂机")));
        assertThat(text(item + " .wo-stage")).isEqualTo("热线派单");
        assertThat(text(item + " .wo-left")).matches("剩余 [0-9]分[0-9]{2}秒");
        @SuppressWarnings("unchecked")
        Map<String, Object> timeline = (Map<String, Object>) browser.driver().executeAsyncScript(
                "fetch('/api/work-orders/' + arguments[0]).then(r => r.json()).then(arguments[arguments.length - 1])",
                orderId);
        @SuppressWarnings("unchecked")
        Map<String, Object> a = ((List<Map<String, Object>>) timeline.get("log")).get(0);
        Instant ended = jdbc.queryForObject("select ended_at from calls where call_id = ?", Timestamp.class,
                call.linkedid()).toInstant();
        assertThat(a.get("point")).isEqualTo("A");
        assertThat(Instant.parse((String) a.get("at"))).isEqualTo(ended);
        assertThat(a.get("source")).isEqualTo("SYSTEM");

        click(item + " .wo-head");
        assertThat(text(item + " .wo-points li")).startsWith("A · ").endsWith("系统");
        assertThat(texts(item + " .wo-stage-row")).hasSize(7);
        assertThat(texts(item + " .wo-stage-row").get(0)).contains("热线派单", "限时 2分钟");

        // the same fault reported again: the agent sees the open order and links the report to it
        click(card + " .wo-new");
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(card + " .wo-type-input option").contains("报修"));
        select(card + " .wo-type-input", "repair");
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(card + " .wo-premises-input option").size() == 3);
        select(card + " .wo-premises-input", "文一路 10 号 商铺 · WOD-0001-2");
        click(card + " .wo-submit");
        assertThat(text(card + " .wo-dup-order[data-order-id='" + orderId + "']")).contains("已有工单 " + row.get("order_no"), "当前环节 热线派单", "剩余 ");
        shoot("workorder-desk-duplicate", card + " .wo-duplicates");
        click(card + " .wo-dup-order[data-order-id='" + orderId + "'] .wo-link");
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(card + " .wo-note").stream()
                .anyMatch(n -> n.startsWith("已关联")));
        assertThat(texts(card + " .wo-note")).containsExactly("已关联到工单 " + row.get("order_no"));
        assertThat(jdbc.queryForObject("select count(*) from work_orders w join customers c on c.id = w.customer_id "
                + "where c.customer_no = ? and w.closed_at is null", Integer.class, CUSTOMER_NO)).isEqualTo(1);
        assertThat(browser.all(By.cssSelector(card + " b"))).isEmpty();
        // the duplicate check's 409 is the one refusal the page expects; Chromium logs it as a failed load
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/work-orders") && e.contains("409"));
    }

    @Test
    void aRepairOrderOnALineInOutageShowsTheOutageFirstAndCanStillBeCreated() {
        jdbc.update("""
                insert into outages (outage_no, kind, feeder_line_id, reason, starts_at, expected_end_at, created_by)
                select 'WOD-TD-1', 'unplanned', id, '10kV 城北1线 电缆故障', now() - interval '10 minutes',
                       now() + interval '2 hours', 'dispatcher' from feeder_lines where code = 'WOD-L1'""");
        try {
            logInAndAwaitOnline("agent1002");
            CallHandle call = servers.simulator().placeCall(CallSpec.of(NUMBER, "hotline")
                    .withOutcome(new Outcome.RingUntilTold("1002")).withPatience(PATIENT).withTalkTime(PATIENT));
            calls.add(call);
            String card = "#pops article.pop[data-call-id='" + call.linkedid() + "'] .customer[data-customer-no='"
                    + CUSTOMER_NO + "']";
            click(card + " .wo-new");
            await().atMost(Duration.ofSeconds(15)).until(() -> texts(card + " .wo-type-input option").contains("报修"));
            select(card + " .wo-type-input", "repair");
            await().atMost(Duration.ofSeconds(15)).until(() -> texts(card + " .wo-premises-input option").size() == 3);
            select(card + " .wo-premises-input", "文一路 8 号 3 单元 501 · WOD-0001-1");
            click(card + " .wo-submit");
            assertThat(text(card + " .wo-dup-outage")).contains("故障停电 WOD-TD-1", "城北1线", "10kV 城北1线 电缆故障",
                    "预计恢复 ");
            assertThat(texts(card + " .wo-dup-order")).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from work_orders w join customers c on c.id = w.customer_id "
                    + "where c.customer_no = ? and w.closed_at is null", Integer.class, CUSTOMER_NO)).isZero();
            shoot("workorder-desk-outage", card + " .wo-duplicates");
            click(card + " .wo-force");
            assertThat(text(card + " .wo-note")).startsWith("已创建工单 WO");
            assertThat(texts(card + " li.wo .wo-stage")).containsExactly("客户挂机");
        } finally {
            jdbc.update("delete from outages where outage_no = 'WOD-TD-1'");
        }
    }

    private void shoot(String name, String focus) {
        stable(() -> browser.script("arguments[0].scrollIntoView({block: 'center'})",
                browser.await(By.cssSelector(focus))));
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat((Boolean) browser.script(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("no sideways scroll at %s", size).isTrue();
            browser.screenshot(name + "-" + size.getWidth());
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    // the pops are redrawn on each new pop version (the forms keep their state): retry an action on a replaced node
    private void stable(Runnable action) {
        await().atMost(Duration.ofSeconds(15)).ignoreException(StaleElementReferenceException.class)
                .untilAsserted(action::run);
    }

    private void click(String css) {
        stable(() -> {
            WebElement e = browser.await(By.cssSelector(css), WebElement::isDisplayed);
            browser.script("arguments[0].scrollIntoView({block: 'center'})", e);
            e.click();
        });
    }

    // by value (option value) or by what the agent reads (option text)
    private void select(String css, String option) {
        stable(() -> {
            Select select = new Select(browser.await(By.cssSelector(css)));
            if (option.matches("[a-z_]+")) {
                select.selectByValue(option);
            } else {
                select.selectByVisibleText(option);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", css);
    }

    private String text(String css) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !texts(css).isEmpty());
        return texts(css).get(0);
    }

    private void logInAndAwaitOnline(String username) {
        browser.open(url("/login.html"));
        browser.script("localStorage.removeItem('hotline.lang')");
        WebElement button = browser.await(By.id("login-button"), WebElement::isEnabled);
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(DemoUsers.AGENT_PASSWORD);
        button.click();
        browser.awaitUrl(u -> u.endsWith("/agent.html"));
        browser.await(By.id("connection"), e -> e.getText().equals("已连接"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
