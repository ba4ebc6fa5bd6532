package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.workorder.CreateWorkOrder;
import org.hotline.workorder.Point;
import org.hotline.workorder.PointSource;
import org.hotline.workorder.WorkOrderSummary;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.BeforeEach;
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
 * The revisit (回访) panel of the agent page in headless Chromium: a done order appears by push, the agent records a
 * satisfied outcome and the order closes. Same server settings as {@code AgentDeskBrowserIntegrationTests}, so they
 * share one Spring context.
 */
@SimulatedServerTest
class RevisitPanelBrowserIntegrationTests {

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
    CustomerDirectory customers;

    @Autowired
    WorkOrders orders;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void amiIsConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        ReadyDesks.all(presence, agentDirectory);
    }

    // a complaint by hand for 张三, every point recorded and the work reported done: the revisit follows
    private WorkOrderSummary doneComplaint() {
        CustomerCard zhang = customers.findByAccountNo("2024001").orElseThrow();
        WorkOrderSummary o = orders.create(new CreateWorkOrder("complaint", null, zhang.id(), null, "13800138000",
                "抢修太慢", null, null, true, "agent1001", PointSource.DESK));
        for (Point p = Point.B; p.ordinal() <= o.awaiting().ordinal() + 3; p = p.next()) {
            orders.recordPoint(o.id(), p, null, "agent1001", PointSource.DESK, null, null);
        }
        return orders.markDone(o.id(), null, "agent1001", PointSource.DESK, "已答复");
    }

    @Test
    void aDoneOrderAppearsByPushAndASatisfiedOutcomeClosesIt() {
        logInAndAwaitOnline("agent1003");
        WorkOrderSummary done = doneComplaint();
        By item = By.cssSelector("#revisit-list li.revisit[data-order-no='" + done.orderNo() + "']");
        // the panel loads on connect and on push only: the order shows up because it was pushed
        WebElement li = browser.await(item);
        assertThat(Browser.textContent(li.findElement(By.className("rv-type")))).isEqualTo("投诉");
        assertThat(Browser.textContent(li.findElement(By.className("rv-number")))).isEqualTo("13800138000");
        assertThat(Browser.textContent(li.findElement(By.className("rv-attempts")))).isEqualTo("已拨 0/3 次");
        for (Dimension size : new Dimension[] {new Dimension(1366, 768), new Dimension(1920, 1080)}) {
            browser.driver().manage().window().setSize(size);
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isTrue();
        }

        li.findElement(By.className("rv-record")).click();
        WebElement form = browser.await(By.cssSelector("li.revisit[data-order-no='" + done.orderNo() + "'] form"));
        form.findElement(By.className("rv-save")).click();
        browser.await(By.cssSelector("li.revisit[data-order-no='" + done.orderNo() + "'] .rv-status"),
                e -> Browser.textContent(e).equals("请选择满意度"));
        browser.script("const s = arguments[0]; s.value = 'SATISFIED'; s.dispatchEvent(new Event('change'));",
                form.findElement(By.className("rv-satisfaction")));
        assertThat(Browser.textContent(form.findElement(By.className("rv-status")))).isEmpty();
        form.findElement(By.className("rv-notes")).sendKeys("<b>已恢复</b>");
        for (Dimension size : new Dimension[] {new Dimension(1920, 1080), new Dimension(1366, 768)}) {
            browser.driver().manage().window().setSize(size);
            browser.script("document.getElementById('revisits').scrollIntoView()");
            browser.screenshot("revisit-panel-form-" + size.getWidth());
        }
        form.findElement(By.className("rv-save")).click();

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.all(item).isEmpty());
        assertThat(jdbc.queryForObject("select status from work_orders where id = ?", String.class, done.id()))
                .isEqualTo("closed");
        assertThat(jdbc.queryForMap("""
                select a.satisfaction, a.notes, a.recorded_by_name from work_order_revisit_attempts a
                join work_order_revisits r on r.id = a.revisit_id where r.order_id = ?""", done.id()))
                .containsEntry("satisfaction", "satisfied").containsEntry("notes", "<b>已恢复</b>")
                .containsEntry("recorded_by_name", "agent1003");
        assertThat(browser.consoleErrors()).isEmpty();
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
        browser.await(By.cssSelector("#revisit-list li"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
