package org.hotline.cti.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V12: demo accounts made before issue #11 get the member interface Asterisk has (Local/<ext>@agents/n). */
class ExactMemberInterfaceMigrationIntegrationTests {

    private final HikariDataSource dataSource = EmbeddedPostgresSupport.emptyDatabase();
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @AfterEach
    void close() {
        dataSource.close();
    }

    private void user(long id, String username, String... interfaces) {
        jdbc.update("insert into users (id, username, display_name, password_hash, role) values (?, ?, ?, 'x', 'AGENT')",
                id, username, username);
        for (String i : interfaces) {
            jdbc.update("insert into agent_interfaces (user_id, interface) values (?, ?)", id, i);
        }
    }

    private List<String> interfaces(long id) {
        return jdbc.queryForList("select interface from agent_interfaces where user_id = ? order by id", String.class,
                id);
    }

    @Test
    void demoAgentsBareLocalInterfaceGetsTheSlashNAndOtherInterfacesStayAsTheyAre() {
        Flyway.configure().dataSource(dataSource).target("10").load().migrate();
        user(1, "agent1001", "Local/1001@agents", "PJSIP/1001");
        user(2, "agent2003", "Local/2003@agents/n");
        user(3, "alice", "Local/7001@agents", "PJSIP/7001");

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(interfaces(1)).containsExactly("Local/1001@agents/n", "PJSIP/1001");
        assertThat(interfaces(2)).containsExactly("Local/2003@agents/n");
        // a site's own account is its own: its member may really be Local/7001@agents
        assertThat(interfaces(3)).containsExactly("Local/7001@agents", "PJSIP/7001");
    }
}
