package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customer cards read at the desk are audited and limited per user (issue #13), and administrators read the audit on
 * its page. Each test reads as its own fresh agent, so the limit of one never touches another test.
 */
@SimulatedServerTest
class CardReadAuditBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    AgentDirectory agents;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyCardSentIsRecordedWithTheCallOrTheSearchAndAdministratorsSeeIt() {
        String agent = agent();
        try (AgentClient c = AgentClient.login(port, agent, "card-reader-1")) {
            HttpResponse<String> search = c.get("/api/customers/search?q=" + enc("张三") + "&callId=1700000000.42");
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(c.get("/api/customers/" + zhang()).statusCode()).isEqualTo(200);
            assertThat(c.get("/api/customers/" + zhang() + "/contacts?limit=5").statusCode()).isEqualTo(200);
            assertThat(c.get("/api/customers/" + zhang() + "?callId=" + enc("<x>")).statusCode()).isEqualTo(400);
            assertThat(c.get("/api/admin/card-reads").statusCode()).isEqualTo(403);
        }
        List<String> via = jdbc.queryForList("select via || ':' || coalesce(call_id, '') || ':' || coalesce(query, '') "
                + "from card_reads where username = ? order by id", String.class, agent);
        assertThat(via).contains("search:1700000000.42:张三", "card::", "contacts::");

        browser.logIn(base(), "admin", DemoUsers.ADMIN_PASSWORD);
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            browser.open(base() + "/admin/audit.html");
            browser.await(By.cssSelector("#totals tr.total[data-user='" + agent + "']"));
            browser.driver().findElement(By.id("f-user")).sendKeys(agent);
            browser.driver().findElement(By.cssSelector("#filter button[type='submit']")).click();
            browser.await(By.cssSelector("#reads tr.read[data-via='search']"));
            assertThat(browser.all(By.cssSelector("#reads tr.read")))
                    .allMatch(r -> Browser.textContent(r.findElement(By.cssSelector(".user"))).equals(agent));
            assertThat(Browser.textContent(browser.await(By.cssSelector("#reads tr.read[data-via='card'] .via"))))
                    .isEqualTo("按编号打开");
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("audit-" + size.width);
        }
        assertThat(browser.consoleErrors()).isEmpty();
        try (AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            assertThat(supervisor.get("/admin/audit.html").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aUserWhoOpensMoreCardsThanTheLimitIsRefusedAndOthersAreNot() {
        String walker = agent();
        try (AgentClient c = AgentClient.login(port, walker, "card-reader-1")) {
            int status = 200;
            int searches = 0;
            // 20 cards a search: the 300-card limit refuses the 16th
            while (status == 200 && searches < 40) {
                HttpResponse<String> r = c.get("/api/customers/search?q=" + enc("杭州"));
                status = r.statusCode();
                searches++;
                if (status == 429) {
                    assertThat(r.body()).contains("上限 300");
                }
            }
            assertThat(status).isEqualTo(429);
            assertThat(searches).isEqualTo(16);
            assertThat(c.get("/api/customers/" + zhang()).statusCode()).as("a single card too").isEqualTo(429);
        }
        assertThat(jdbc.queryForObject("select count(*) from card_reads where username = ?", Integer.class, walker))
                .isEqualTo(300);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = ? and action = "
                + "'card-read-refused'", Integer.class, walker)).isEqualTo(2);
        String other = agent();
        try (AgentClient c = AgentClient.login(port, other, "card-reader-1")) {
            assertThat(c.get("/api/customers/" + zhang()).statusCode()).isEqualTo(200);
        }
    }

    @Autowired
    CustomerDirectory customers;

    // the demo's 张三 (account 2024001): his customer number
    private String zhang() {
        return customers.findByAccountNo("2024001").orElseThrow().customerNo();
    }

    private String agent() {
        String name = "reader" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        agents.create(new NewAgent(name, "档案测试", "card-reader-1", AgentAccount.Role.AGENT, List.of(), List.of()));
        return name;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
