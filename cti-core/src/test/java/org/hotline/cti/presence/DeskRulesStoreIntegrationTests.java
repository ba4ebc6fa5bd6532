package org.hotline.cti.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hotline.cti.agent.QueueDirectory;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk's rules as administrators store them: each queue's wrap-up, the pause reasons, over the settings. */
class DeskRulesStoreIntegrationTests {

    private HikariDataSource db;
    private DeskRulesStore store;
    private QueueDirectory queues;

    @BeforeEach
    void database() {
        db = EmbeddedPostgresSupport.migratedDatabase();
        store = new DeskRulesStore(db, PresenceProperties.defaults());
        queues = new QueueDirectory(db);
        queues.create("hotline", "供电服务热线", 20);
        queues.create("gas", "燃气服务热线", 30);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewDatabaseStartsWithTheSettingsReasonsAndKeepsAnAdministratorsOnesAfterwards() {
        store.seedReasons();
        assertThat(store.reasons()).extracting(r -> r.reason().code())
                .containsExactly("lunch", "rest", "training", "meeting", "callback");
        store.putReason(new DeskRulesStore.StoredReason(new DeskRules.Reason("lunch", "午休", "Lunch", Set.of()), 0,
                false), "admin");
        store.seedReasons();
        assertThat(store.current().reason("lunch")).as("disabled: not in the menu").isEmpty();
        assertThat(store.reasons()).hasSize(5);
    }

    @Test
    void aQueuesWrapUpOverridesTheSettingsAndEmptyMeansTheSettingsAgain() {
        assertThat(store.setWrapUp("hotline", 90, 0)).isTrue();
        DeskRules rules = store.current();
        assertThat(rules.wrapUp("hotline")).isEqualTo(new DeskRules.WrapUp(Duration.ofSeconds(90), null));
        assertThat(rules.wrapUp("gas")).isEqualTo(new DeskRules.WrapUp(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        store.setWrapUp("hotline", null, null);
        assertThat(store.current().wrapUp("hotline")).as("read again after the change on this node")
                .isEqualTo(rules.defaults());
        assertThat(store.setWrapUp("no-such-queue", 10, null)).isFalse();
        assertThatThrownBy(() -> store.setWrapUp("gas", 3601, null)).hasMessageContaining("0 to 3600");
    }

    @Test
    void aReasonForSomeQueuesIsOfferedToTheirAgentsOnlyAndUnknownQueuesAreRefused() {
        store.seedReasons();
        store.putReason(new DeskRulesStore.StoredReason(new DeskRules.Reason("gas-check", "安检回访", "Gas check",
                Set.of("gas")), 9, true), "admin");
        DeskRules rules = store.current();
        assertThat(rules.reasonsFor(List.of("gas"))).extracting(DeskRules.Reason::code).contains("gas-check");
        assertThat(rules.reasonsFor(List.of("hotline"))).extracting(DeskRules.Reason::code)
                .doesNotContain("gas-check").contains("lunch");
        assertThat(rules.reasonsFor(List.of())).as("a supervisor without queues chooses from all")
                .extracting(DeskRules.Reason::code).contains("gas-check");
        assertThatThrownBy(() -> store.putReason(new DeskRulesStore.StoredReason(new DeskRules.Reason("x", "某",
                "X", Set.of("water")), 0, true), "admin")).hasMessageContaining("water");
        assertThatThrownBy(() -> new DeskRules.Reason("wrapup", "整理", "Wrap", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void penaltiesAreSetForMembersOnlyAndWithinRange() {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(db);
        jdbc.update("insert into users (username, display_name, password_hash, role) values ('a1', '甲', 'x', 'AGENT')");
        jdbc.update("insert into queue_members (queue_id, user_id) select q.id, u.id from queues q, users u"
                + " where q.name = 'gas' and u.username = 'a1'");
        assertThat(queues.setPenalty("gas", "a1", 5)).isTrue();
        assertThat(queues.setPenalty("hotline", "a1", 5)).as("not a member of hotline").isFalse();
        assertThatThrownBy(() -> queues.setPenalty("gas", "a1", -1)).hasMessageContaining("0, the first choice");
        assertThat(queues.find("gas").orElseThrow().members()).singleElement()
                .satisfies(m -> assertThat(m.penalty()).isEqualTo(5));
        assertThat(queues.create("gas", "again", 20)).isFalse();
        assertThatThrownBy(() -> queues.create("bad name", "x", 20)).hasMessageContaining("queues.conf");
    }
}
