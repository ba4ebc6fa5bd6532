package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Administrators manage the queues on /admin/queues.html (issue #13): a new queue the PBX does not have is flagged,
 * a member's penalty reaches the PBX at once, a queue's wrap-up and a pause reason for one queue take effect without
 * a restart, and every change is audited.
 */
@SimulatedServerTest
class QueueAdminBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CallTracker tracker;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private int pbxPenalty(String queue, String member) {
        return tracker.memberships().stream().filter(m -> m.queue().equals(queue)
                && m.memberInterface().equals(member)).findFirst().map(m -> m.penalty()).orElse(-1);
    }

    @Test
    void anAdministratorAddsAQueueSeesThePbxLacksItAndSetsAPenaltyThePbxTakesAtOnce() throws Exception {
        String queue = "qa" + ProcessHandle.current().pid() % 100000;
        browser.logIn(base(), "admin", DemoUsers.ADMIN_PASSWORD);
        browser.open(base() + "/admin/queues.html");
        browser.await(By.cssSelector("body[data-loaded]"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !tracker.pbxQueues().isEmpty());
        browser.driver().navigate().refresh();
        WebElement hotline = browser.await(By.cssSelector("#queues tr.queue[data-queue='hotline']"));
        assertThat(Browser.textContent(hotline.findElement(By.className("pbx")))).isEqualTo("已配置");

        browser.driver().findElement(By.id("c-name")).sendKeys(queue);
        browser.driver().findElement(By.id("c-display")).sendKeys("<b>供水</b>热线");
        browser.driver().findElement(By.cssSelector("#create button[type='submit']")).click();
        WebElement created = browser.await(By.cssSelector("#queues tr.queue[data-queue='" + queue + "']"));
        assertThat(Browser.textContent(created.findElement(By.className("pbx")))).isEqualTo("交换机上没有");
        assertThat(created.findElement(By.cssSelector("input.display")).getAttribute("value"))
                .isEqualTo("<b>供水</b>热线");
        assertThat(browser.all(By.cssSelector("#queues b"))).isEmpty();
        assertThat(Browser.textContent(browser.await(By.id("pbx-warning"), WebElement::isDisplayed)))
                .contains("交换机上没有这些队列：" + queue);

        // its wrap-up: none at all, no extension
        created.findElement(By.cssSelector("input.wrap")).sendKeys("0");
        created.findElement(By.cssSelector("input.ext")).sendKeys("0");
        created.findElement(By.cssSelector("button.save")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select wrap_up_seconds from queues where name = ?", Integer.class, queue) != null);

        // agent2003 serves gas; the PBX takes a new penalty while the agent is signed in
        browser.await(By.cssSelector("#queues tr.queue[data-queue='gas'] button.members")).click();
        WebElement member = browser.await(By.cssSelector("#members tr.member[data-user='agent2003']"));
        assertThat(pbxPenalty("gas", "Local/2003@agents/n")).as("a member on the simulated PBX").isGreaterThanOrEqualTo(0);
        try {
            WebElement penalty = member.findElement(By.cssSelector("input.penalty"));
            penalty.clear();
            penalty.sendKeys("7");
            member.findElement(By.cssSelector("button.save")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> pbxPenalty("gas", "Local/2003@agents/n") == 7);
            browser.await(By.cssSelector("#members tr.member[data-user='agent2003'] td.state"),
                    e -> Browser.textContent(e).contains("已同步到交换机"));
            assertThat(jdbc.queryForObject("""
                    select m.penalty from queue_members m join queues q on q.id = m.queue_id
                    join users u on u.id = m.user_id where q.name = 'gas' and u.username = 'agent2003'""",
                    Integer.class)).isEqualTo(7);
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
                browser.driver().manage().window().setSize(size);
                assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no sideways scroll at %s", size).isEqualTo(true);
                browser.screenshot("queues-" + size.width);
            }
        } finally {
            try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
                admin.sendJson("PUT", "/api/admin/queues/gas/members/agent2003", "{\"penalty\":0}");
            }
        }
        assertThat(jdbc.queryForList("select action from audit_log where target = ? order by id", String.class,
                "queue:" + queue)).containsExactly("queue-created", "queue-changed");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aPauseReasonForOneQueueIsOfferedToItsAgentsOnlyAndTakesEffectWithoutARestart() throws Exception {
        String code = "qa-" + ProcessHandle.current().pid() % 100000;
        browser.logIn(base(), "admin", DemoUsers.ADMIN_PASSWORD);
        browser.open(base() + "/admin/queues.html");
        browser.await(By.cssSelector("body[data-loaded]"));
        browser.driver().findElement(By.id("r-code")).sendKeys(code);
        browser.driver().findElement(By.id("r-zh")).sendKeys("燃气安检");
        browser.driver().findElement(By.id("r-en")).sendKeys("Gas check");
        browser.driver().findElement(By.id("r-queues")).sendKeys("gas");
        browser.driver().findElement(By.cssSelector("#reason-form button[type='submit']")).click();
        WebElement row = browser.await(By.cssSelector("#reasons tr.reason[data-code='" + code + "']"));
        assertThat(Browser.textContent(row.findElement(By.className("queues")))).isEqualTo("gas");
        try (AgentClient gas = AgentClient.login(port, "agent2001", DemoUsers.AGENT_PASSWORD);
             AgentClient hotline = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            // another node would see it within DeskRulesStore.MAX_AGE; this one at once
            JsonNode offered = JSON.readTree(gas.get("/api/control/pause-reasons").body());
            assertThat(offered.findValuesAsText("code")).contains(code, "lunch");
            assertThat(JSON.readTree(hotline.get("/api/control/pause-reasons").body()).findValuesAsText("code"))
                    .doesNotContain(code).contains("lunch");
            assertThat(hotline.postJson("/api/control/pause", "{\"reason\":\"" + code + "\"}").statusCode())
                    .as("not a reason of hotline's agents").isEqualTo(400);
        } finally {
            try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
                admin.sendJson("PUT", "/api/admin/pause-reasons/" + code,
                        "{\"zh\":\"燃气安检\",\"en\":\"Gas check\",\"queues\":[\"gas\"],\"enabled\":false}");
            }
        }
        assertThat(jdbc.queryForList("select action from audit_log where target = ? order by id", String.class,
                "pause-reason:" + code)).containsExactly("pause-reason-saved", "pause-reason-saved");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
