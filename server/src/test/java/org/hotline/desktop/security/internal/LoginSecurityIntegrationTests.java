package org.hotline.desktop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.testing.TestClock;
import org.hotline.desktop.security.LoginProperties;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login throttling and the forced password change on the whole server (the shared test context). Every test uses
 * its own user, and failures from the tests' own address stay far below the address limit.
 */
@SimulatedServerTest
class LoginSecurityIntegrationTests {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    AgentDirectory agents;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    DataSource dataSource;

    @Test
    void fiveWrongPasswordsLockTheNameEvenForTheRightOneUntilAnAdministratorLiftsTheLock() {
        String name = user("right-password-1");
        for (int i = 1; i <= 4; i++) {
            assertThat(AgentClient.loginRedirect(port, name, "wrong-" + i)).endsWith("/login.html?error");
        }
        assertThat(AgentClient.loginRedirect(port, name, "wrong-5")).endsWith("/login.html?locked");
        assertThat(AgentClient.loginRedirect(port, name, "right-password-1"))
                .as("a locked name is refused before its password is checked").endsWith("/login.html?locked");
        assertThat(AgentClient.loginRedirect(port, user("other-pass-22"), "other-pass-22"))
                .as("another user from the same address still gets in").doesNotContain("locked");

        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD);
             AgentClient agent = AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD)) {
            assertThat(agent.get("/api/admin/lockouts").statusCode()).isEqualTo(403);
            HttpResponse<String> locks = admin.get("/api/admin/lockouts");
            assertThat(locks.statusCode()).isEqualTo(200);
            assertThat(locks.body()).contains("\"key\":\"" + name + "\"");
            assertThat(agent.postJson("/api/admin/lockouts/user/" + name + "/lift", "{}").statusCode()).isEqualTo(403);
            assertThat(admin.postJson("/api/admin/lockouts/user/" + name + "/lift", "{}").statusCode()).isEqualTo(200);
            assertThat(admin.postJson("/api/admin/lockouts/user/" + name + "/lift", "{}").statusCode()).isEqualTo(404);
            assertThat(admin.postJson("/api/admin/lockouts/planet/x/lift", "{}").statusCode()).isEqualTo(400);
        }
        assertThat(AgentClient.loginRedirect(port, name, "right-password-1")).doesNotContain("locked")
                .doesNotContain("error");
    }

    @Test
    void tooManyFailuresFromOneAddressLockItForEveryNameAndTheWindowForgetsOldFailures() {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T02:00:00Z"));
        LoginThrottle own = new LoginThrottle(dataSource, new LoginProperties(5, 3, Duration.ofMinutes(15),
                Duration.ofMinutes(15)), clock);
        String address = "203.0.113." + NEXT.incrementAndGet();
        assertThat(own.failed("a" + address, address)).isNull();
        clock.advance(Duration.ofMinutes(16));
        assertThat(own.failed("b" + address, address)).as("the first failure left the window").isNull();
        assertThat(own.failed("c" + address, address)).isNull();
        LoginThrottle.Lock lock = own.failed("d" + address, address);
        assertThat(lock).isNotNull();
        assertThat(lock.kind()).isEqualTo("address");
        assertThat(lock.lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(own.lockOn("someone-else", address)).isNotNull();
        assertThat(own.lockOn("someone-else", "198.51.100.1")).isNull();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(own.lockOn("someone-else", address)).as("a lock ends by itself").isNull();
    }

    @Test
    void aHandedOutPasswordReachesOnlyThePasswordPageUntilTheUserChoosesANewOne() {
        String name = user("handed-out-2026");
        agents.setPassword(name, "handed-out-2026", true);
        try (AgentClient c = AgentClient.login(port, name, "handed-out-2026")) {
            assertThat(AgentClient.loginRedirect(port, name, "handed-out-2026")).endsWith("/change-password.html");
            HttpResponse<String> page = c.get("/agent.html");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/change-password.html");
            HttpResponse<String> api = c.get("/api/desk/categories");
            assertThat(api.statusCode()).isEqualTo(403);
            assertThat(api.body()).contains("password_change_required");
            assertThat(c.get("/change-password.html").statusCode()).isEqualTo(200);

            assertThat(change(c, "not-the-password", "brand-new-2026")).contains("wrong_current");
            assertThat(change(c, "handed-out-2026", "short")).contains("too_short");
            assertThat(change(c, "handed-out-2026", DemoUsers.AGENT_PASSWORD)).contains("guessable");
            assertThat(change(c, "handed-out-2026", "handed-out-2026")).contains("unchanged");
            assertThat(agents.mustChangePassword(name)).isTrue();

            HttpResponse<String> changed = c.postJson("/api/me/password",
                    "{\"current\":\"handed-out-2026\",\"next\":\"brand-new-2026\"}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(c.get("/agent.html").statusCode()).isEqualTo(200);
        }
        assertThat(agents.mustChangePassword(name)).isFalse();
        assertThat(agents.verify(name, "brand-new-2026")).isTrue();
        assertThat(AgentClient.loginRedirect(port, name, "brand-new-2026")).doesNotContain("change-password");
    }

    private static String change(AgentClient c, String current, String next) {
        HttpResponse<String> r = c.postJson("/api/me/password", "{\"current\":\"" + current + "\",\"next\":\""
                + next + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return r.body();
    }

    // a fresh agent with this password, so no other test's user is locked or changed
    private String user(String password) {
        String name = "login" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        agents.create(new NewAgent(name, "登录测试", password, AgentAccount.Role.AGENT, List.of(), List.of()));
        return name;
    }
}
