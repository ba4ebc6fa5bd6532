package org.hotline.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
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
 * Administrators create users of the six roles with a one-time password, hand out new ones and disable users on
 * /admin/users.html; disabling ends the user's open sessions at once, a crew member's account is bound to a crew and
 * signs in to the crew page, and every change is audited (issue #13, docs/adr/0024).
 */
@SimulatedServerTest
class UserAdminBrowserIntegrationTests {

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
    void anAdministratorCreatesAnAgentWhoseOneTimePasswordWorksOnceThenDisablesHimAndHisSessionEnds() {
        String name = "newagent" + NEXT.incrementAndGet() + "x" + ProcessHandle.current().pid();
        browser.logIn(base(), "admin", DemoUsers.ADMIN_PASSWORD);
        browser.open(base() + "/admin/users.html");
        browser.await(By.cssSelector("body[data-loaded]"));
        browser.driver().findElement(By.id("c-username")).sendKeys(name);
        browser.driver().findElement(By.id("c-name")).sendKeys("<b>新来的</b>");
        browser.driver().findElement(By.id("c-queues")).sendKeys("hotline");
        browser.driver().findElement(By.cssSelector("#create button[type='submit']")).click();
        String password = Browser.textContent(browser.await(By.id("secret-value"), WebElement::isDisplayed));
        assertThat(password).hasSize(16);
        WebElement row = browser.await(By.cssSelector("#users tr.user[data-user='" + name + "']"));
        assertThat(Browser.textContent(row.findElement(By.className("name")))).isEqualTo("<b>新来的</b>");
        assertThat(browser.all(By.cssSelector("#users b"))).isEmpty();
        assertThat(Browser.textContent(row.findElement(By.className("state")))).isEqualTo("待首次改密");
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("users-" + size.width);
        }
        assertThat(agents.findByUsername(name).orElseThrow().queues()).containsExactly("hotline");

        try (AgentClient him = AgentClient.login(port, name, password)) {
            HttpResponse<String> changed = him.postJson("/api/me/password",
                    "{\"current\":\"" + password + "\",\"next\":\"his-own-pass-1\"}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(him.get("/api/me").statusCode()).isEqualTo(200);
            him.connect();
            him.awaitFrame("snapshot");

            browser.driver().navigate().refresh();
            browser.await(By.cssSelector("#users tr.user[data-user='" + name + "'] button.disable")).click();
            browser.await(By.cssSelector("#users tr.user.disabled[data-user='" + name + "']"));

            HttpResponse<String> after = him.get("/api/me");
            assertThat(after.statusCode()).as("the open session ended").isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElse("")).contains("/login.html");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(him::socketClosedWith, code -> code == 1008);
        }
        assertThat(AgentClient.loginRedirect(port, name, "his-own-pass-1")).contains("error");
        assertThat(jdbc.queryForList("select action from audit_log where target = ? order by id", String.class, name))
                .containsExactly("user-created", "user-disabled");
        try (AgentClient supervisor = AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD)) {
            assertThat(supervisor.get("/api/admin/users").statusCode()).isEqualTo(403);
            assertThat(supervisor.get("/admin/users.html").statusCode()).isEqualTo(403);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAdministratorChangesAnAgentsRoleExtensionAndQueuesAndANewRoleEndsHisSession() {
        String name = "changed" + NEXT.incrementAndGet() + "x" + ProcessHandle.current().pid();
        String ext = String.valueOf(7000 + NEXT.get() % 1000);
        agents.create(new NewAgent(name, "王五", "his-pass-word-1", AgentAccount.Role.AGENT,
                List.of("Local/" + ext + "@agents/n"), List.of("hotline")));
        try (AgentClient him = AgentClient.login(port, name, "his-pass-word-1")) {
            assertThat(him.get("/api/me").statusCode()).isEqualTo(200);
            browser.logIn(base(), "admin", DemoUsers.ADMIN_PASSWORD);
            browser.open(base() + "/admin/users.html");
            WebElement row = browser.await(By.cssSelector("#users tr.user[data-user='" + name + "']"));
            assertThat(Browser.textContent(row.findElement(By.className("pbx-queues")))).isEqualTo("未签入");
            row.findElement(By.cssSelector("button.edit")).click();
            assertThat(browser.await(By.id("e-ext"), WebElement::isDisplayed).getAttribute("value")).isEqualTo(ext);

            browser.driver().findElement(By.id("e-ext")).clear();
            browser.driver().findElement(By.id("e-ext")).sendKeys(ext);
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("e-role")))
                    .selectByValue("SUPERVISOR");
            browser.driver().findElement(By.id("e-queues")).clear();
            browser.driver().findElement(By.id("e-queues")).sendKeys("gas，hotline");
            browser.driver().findElement(By.cssSelector("#edit button[type='submit']")).click();
            browser.await(By.cssSelector("#edit-box[hidden]"));

            AgentAccount after = agents.findByUsername(name).orElseThrow();
            assertThat(after.role()).isEqualTo(AgentAccount.Role.SUPERVISOR);
            assertThat(after.queues()).containsExactlyInAnyOrder("gas", "hotline");
            assertThat(after.interfaces()).containsExactly("Local/" + ext + "@agents/n", "PJSIP/" + ext);
            assertThat(him.get("/api/me").statusCode()).as("a new role ends the open session").isEqualTo(302);
        }
        assertThat(jdbc.queryForList("select action from audit_log where target = ? order by id", String.class, name))
                .containsExactly("user-changed");
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> self = admin.sendJson("PUT", "/api/admin/users/admin",
                    "{\"displayName\":\"管理员\",\"role\":\"AGENT\"}");
            assertThat(self.statusCode()).as(self.body()).isEqualTo(409);
            HttpResponse<String> unknown = admin.sendJson("PUT", "/api/admin/users/nobody-here",
                    "{\"displayName\":\"某\",\"role\":\"AGENT\"}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            HttpResponse<String> badQueue = admin.sendJson("PUT", "/api/admin/users/" + name,
                    "{\"displayName\":\"王五\",\"role\":\"AGENT\",\"queues\":[\"no-such-queue\"]}");
            assertThat(badQueue.statusCode()).isEqualTo(400);
            assertThat(badQueue.body()).contains("no-such-queue");
            HttpResponse<String> badExtension = admin.sendJson("PUT", "/api/admin/users/" + name,
                    "{\"displayName\":\"王五\",\"role\":\"AGENT\",\"extension\":\"12ab\"}");
            assertThat(badExtension.statusCode()).isEqualTo(400);
            assertThat(agents.findByUsername(name).orElseThrow().role()).as("a refused change changes nothing")
                    .isEqualTo(AgentAccount.Role.SUPERVISOR);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAdministratorMakesACrewMembersAccountOfACrewAndTheMemberSignsInToTheCrewPage() {
        String name = "crewman" + NEXT.incrementAndGet() + "x" + ProcessHandle.current().pid();
        String crew = jdbc.queryForObject("select code from work_order_units where kind = 'crew' order by code desc"
                + " limit 1", String.class);
        String crewName = jdbc.queryForObject("select name from work_order_units where code = ?", String.class, crew);
        browser.logIn(base(), "admin", DemoUsers.ADMIN_PASSWORD);
        browser.open(base() + "/admin/users.html");
        browser.await(By.cssSelector("body[data-loaded]"));
        browser.driver().findElement(By.id("c-username")).sendKeys(name);
        browser.driver().findElement(By.id("c-name")).sendKeys("赵抢修");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("c-role"))).selectByValue("CREW");
        assertThat(browser.driver().findElement(By.id("c-ext")).isDisplayed()).as("a crew member has no phone")
                .isFalse();
        new org.openqa.selenium.support.ui.Select(browser.await(By.id("c-crew"), WebElement::isDisplayed))
                .selectByValue(crew);
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.driver().manage().window().setSize(size);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll at %s", size).isEqualTo(true);
            browser.screenshot("users-crew-" + size.width);
        }
        browser.driver().findElement(By.cssSelector("#create button[type='submit']")).click();
        String password = Browser.textContent(browser.await(By.id("secret-value"), WebElement::isDisplayed));
        WebElement row = browser.await(By.cssSelector("#users tr.user[data-user='" + name + "']"),
                r -> Browser.textContent(r.findElement(By.className("crew"))).equals(crewName));
        assertThat(Browser.textContent(row.findElement(By.className("role")))).isEqualTo("抢修人员");
        assertThat(jdbc.queryForList("select action from audit_log where target = ? order by id", String.class, name))
                .containsExactly("user-created", "crew-account-assigned");

        try (AgentClient him = AgentClient.login(port, name, password)) {
            assertThat(him.postJson("/api/me/password", "{\"current\":\"" + password
                    + "\",\"next\":\"crew-own-pass-1\"}").statusCode()).isEqualTo(200);
        }
        browser.logIn(base(), name, "crew-own-pass-1");
        assertThat(browser.url()).endsWith("/crew.html");
        // a token another test left in this browser would be used first: the member's own sign-in is what counts
        browser.script("localStorage.removeItem('hotline.crew.token')");
        browser.driver().navigate().refresh();
        browser.await(By.id("who"), e -> Browser.textContent(e).equals("赵抢修 · " + crewName));
        assertThat(browser.await(By.id("token-form"), e -> true).isDisplayed()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from work_order_crew_tokens where signed_in_user = ?"
                + " and revoked_at is null and expires_at > now()", Long.class, name)).isEqualTo(1);
        browser.screenshot("crew-signed-in");
        WebElement leave = browser.await(By.id("forget"), WebElement::isDisplayed);
        assertThat(Browser.textContent(leave)).isEqualTo("退出登录");
        leave.click();
        browser.awaitUrl(u -> u.contains("/login.html"));
        assertThat(browser.script("return localStorage.getItem('hotline.crew.token')")).isNull();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
