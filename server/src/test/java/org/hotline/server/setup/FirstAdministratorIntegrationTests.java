package org.hotline.server.setup;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.server.demo.DemoProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A real deployment's first start, each on its own database (no Spring: the shared test server runs the demo). */
class FirstAdministratorIntegrationTests {

    private static final DemoProperties DEMO_OFF = new DemoProperties(false, 0, 1);

    private HikariDataSource pool;
    private AgentDirectory agents;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void setUp() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        agents = new AgentDirectory(pool, 4);
        logged.start();
        ((Logger) LoggerFactory.getLogger(FirstAdministrator.class)).addAppender(logged);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(FirstAdministrator.class)).detachAppender(logged);
        pool.close();
    }

    @Test
    void withTheDemoOffThePublishedDemoUsersAreDisabledAndAdminGetsAOneTimePasswordPrintedOnce() {
        DemoUsers.ensure(pool, agents);
        agents.setPassword("agent1002", "chosen-by-her-2026", false);

        start(null);

        assertThat(agents.verify("agent1001", DemoUsers.AGENT_PASSWORD)).isFalse();
        assertThat(agents.verify("supervisor", DemoUsers.SUPERVISOR_PASSWORD)).isFalse();
        assertThat(agents.verify("admin", DemoUsers.ADMIN_PASSWORD)).isFalse();
        assertThat(agents.findByUsername("agent1001").orElseThrow().enabled()).isFalse();
        assertThat(agents.findByUsername("agent1002").orElseThrow().enabled())
                .as("a demo user with a password of her own is a real user now").isTrue();
        String password = oneTimePassword();
        assertThat(password).hasSize(16);
        assertThat(agents.verify("admin", password)).isTrue();
        assertThat(agents.mustChangePassword("admin")).isTrue();

        logged.list.clear();
        start(null);
        assertThat(logged.list).as("a second start prints no password").noneMatch(e -> e.getFormattedMessage()
                .contains("one-time password"));
        assertThat(agents.verify("admin", password)).isTrue();
    }

    @Test
    void anEmptyDatabaseGetsAdminWithThePasswordFromTheSettingNeverPrinted() {
        start("Erste-Anmeldung-2026");

        AgentAccount admin = agents.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(AgentAccount.Role.ADMIN);
        assertThat(agents.verify("admin", "Erste-Anmeldung-2026")).isTrue();
        assertThat(agents.mustChangePassword("admin")).isTrue();
        assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().contains("Erste-Anmeldung-2026"));
    }

    @Test
    void withTheDemoOnNothingChanges() {
        DemoUsers.ensure(pool, agents);
        new FirstAdministrator(new DemoProperties(true, 0, 1), new SetupProperties(null), agents).secureFirstStart();
        assertThat(agents.verify("admin", DemoUsers.ADMIN_PASSWORD)).isTrue();
        assertThat(agents.mustChangePassword("admin")).isFalse();
    }

    private void start(String password) {
        new FirstAdministrator(DEMO_OFF, new SetupProperties(password), agents).secureFirstStart();
    }

    private String oneTimePassword() {
        List<ILoggingEvent> lines = logged.list.stream().filter(e -> e.getFormattedMessage()
                .contains("one-time password")).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0).getArgumentArray()[1].toString();
    }
}
