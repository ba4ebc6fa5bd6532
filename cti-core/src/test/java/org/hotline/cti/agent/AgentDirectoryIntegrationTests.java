package org.hotline.cti.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

class AgentDirectoryIntegrationTests {

    private static HikariDataSource pool;
    private static AgentDirectory agents;
    private static AgentAccount alice;

    @BeforeAll
    static void create() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        new JdbcTemplate(pool).update("insert into queues (name, display_name) values ('hotline', '热线'), ('gas', '燃气')");
        agents = new AgentDirectory(pool, 4);
        alice = agents.create(new NewAgent("agent1001", "陈晓燕", "correct horse", AgentAccount.Role.AGENT,
                List.of("Local/1001@agents/n", "PJSIP/1001"), List.of("hotline", "gas")));
        agents.create(new NewAgent("supervisor", "值班长", "supervisor-pw", AgentAccount.Role.SUPERVISOR, List.of(),
                List.of()));
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void createStoresTheExactMemberInterfaceAndQueues() {
        assertThat(alice.id()).isPositive();
        assertThat(alice.username()).isEqualTo("agent1001");
        assertThat(alice.displayName()).isEqualTo("陈晓燕");
        assertThat(alice.role()).isEqualTo(AgentAccount.Role.AGENT);
        assertThat(alice.enabled()).isTrue();
        assertThat(alice.interfaces()).containsExactly("Local/1001@agents/n", "PJSIP/1001");
        assertThat(alice.queues()).containsExactlyInAnyOrder("hotline", "gas");
    }

    @Test
    void findsByUsernameIgnoringCase() {
        assertThat(agents.findByUsername("Agent1001")).contains(alice);
        assertThat(agents.findByUsername("agent9999")).isEmpty();
        assertThat(agents.findByUsername(null)).isEmpty();
    }

    @Test
    void findsByInterfaceOrTheChannelNameOfThatInterface() {
        assertThat(agents.findByInterface(AgentInterface.of("Local/1001@agents/n"))).contains(alice);
        assertThat(agents.findByInterface(new AgentInterface("Local/1001@agents-00000001;1"))).contains(alice);
        assertThat(agents.findByInterface(AgentInterface.of("PJSIP/1001-0000000a"))).contains(alice);
        assertThat(agents.findByInterface(AgentInterface.of("PJSIP/1002"))).isEmpty();
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = agents.passwordHash("agent1001").orElseThrow();

        assertThat(hash).startsWith("$2a$04$").doesNotContain("correct horse");
        assertThat(agents.passwordHash("nobody")).isEmpty();
    }

    @Test
    void verifyAcceptsOnlyTheRightPasswordOfAnEnabledUser() {
        assertThat(agents.verify("agent1001", "correct horse")).isTrue();
        assertThat(agents.verify("AGENT1001", "correct horse")).isTrue();
        assertThat(agents.verify("agent1001", "wrong horse")).isFalse();
        assertThat(agents.verify("nobody", "correct horse")).isFalse();
        assertThat(agents.verify(null, "correct horse")).isFalse();
        assertThat(agents.verify("agent1001", null)).isFalse();
    }

    @Test
    void aDisabledUserCannotSignIn() {
        agents.create(new NewAgent("agent1009", "离职", "password9", AgentAccount.Role.AGENT, List.of(), List.of()));
        new JdbcTemplate(pool).update("update users set enabled = false where username = 'agent1009'");

        assertThat(agents.verify("agent1009", "password9")).isFalse();
        assertThat(agents.findByUsername("agent1009").orElseThrow().enabled()).isFalse();
    }

    @Test
    void allListsUsersByUsername() {
        assertThat(agents.all()).extracting(AgentAccount::username).isSorted().contains("agent1001", "supervisor");
    }

    @Test
    void aTakenUsernameOrInterfaceIsRejected() {
        assertThatThrownBy(() -> agents.create(new NewAgent("agent1001", "X", "password1", AgentAccount.Role.AGENT,
                List.of(), List.of()))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> agents.create(new NewAgent("agent1005", "X", "password1", AgentAccount.Role.AGENT,
                List.of("PJSIP/1001"), List.of()))).isInstanceOf(DuplicateKeyException.class);
        assertThat(agents.findByUsername("agent1005")).as("rolled back").isEmpty();
    }

    @Test
    void anUnknownQueueRollsTheWholeCreationBack() {
        assertThatIllegalArgumentException().isThrownBy(() -> agents.create(new NewAgent("agent1006", "X",
                        "password1", AgentAccount.Role.AGENT, List.of("PJSIP/1006"), List.of("hotline", "water"))))
                .withMessage("queues: 'water' (expected: an existing queue)");
        assertThat(agents.findByUsername("agent1006")).isEmpty();
        assertThat(agents.findByInterface(AgentInterface.of("PJSIP/1006"))).isEmpty();
    }
}
