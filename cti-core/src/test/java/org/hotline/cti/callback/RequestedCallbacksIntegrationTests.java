package org.hotline.cti.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.survey.SatisfactionSurveys;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Callbacks callers ask for from the IVR (kept place, listed first) and the survey score on the contact history. */
class RequestedCallbacksIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private HikariDataSource pool;
    private JdbcTemplate jdbc;
    private Callbacks callbacks;

    @BeforeEach
    void open() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(pool);
        jdbc.update("insert into users (username, display_name, password_hash, role) values ('rq-agent', '李坐席', 'x',"
                + " 'AGENT')");
        callbacks = new Callbacks(pool);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    private List<String> listedCallIds() {
        return callbacks.openFor("rq-agent", NOW.plusSeconds(3600), 100).stream().map(Callback::callId).toList();
    }

    @Test
    void requestedCallbacksComeFirstOldestPlaceFirstBeforeOlderAbandonedAndScheduledOnes() {
        callbacks.recordAbandoned(new AbandonedCall("ab", "13800000009", "hotline", Duration.ofSeconds(30),
                NOW.minusSeconds(3000)));
        // asked later but joined the queue earlier: first
        callbacks.recordRequested(new RequestedCallback("late-ask-early-place", "13800000007", "hotline",
                NOW.minusSeconds(600), NOW.minusSeconds(10)));
        callbacks.recordRequested(new RequestedCallback("early-ask-late-place", "13800000008", "hotline",
                NOW.minusSeconds(300), NOW.minusSeconds(200)));

        assertThat(listedCallIds()).containsExactly("late-ask-early-place", "early-ask-late-place", "ab");
        Callback first = callbacks.openFor("rq-agent", NOW, 1).get(0);
        assertThat(first.kind()).isEqualTo(Callback.Kind.REQUESTED);
        assertThat(first.queuedAt()).isEqualTo(NOW.minusSeconds(600));
        assertThat(first.waitedSeconds()).isEqualTo(590);
        assertThat(first.queue()).isEqualTo("hotline");
    }

    @Test
    void aCallBooksOneRequestedCallbackHoweverOftenTheCallerPresses() {
        RequestedCallback r = new RequestedCallback("twice", "13800000007", "hotline", NOW.minusSeconds(60), NOW);
        assertThat(callbacks.recordRequested(r)).isTrue();
        assertThat(callbacks.recordRequested(r)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from callbacks where call_id = 'twice'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void anAbandonedRowTheRecorderWroteForTheSameCallBecomesTheRequestedOneAndNotTheOtherWayRound() {
        callbacks.recordAbandoned(new AbandonedCall("left", "13800000007", "hotline", Duration.ofSeconds(80), NOW));
        assertThat(callbacks.recordRequested(new RequestedCallback("left", "13800000007", "hotline",
                NOW.minusSeconds(80), NOW))).isTrue();
        assertThat(callbacks.recordAbandoned(new AbandonedCall("left", "13800000007", "hotline",
                Duration.ofSeconds(80), NOW))).isFalse();
        assertThat(jdbc.queryForObject("select kind from callbacks where call_id = 'left'", String.class))
                .isEqualTo("requested");
    }

    @Test
    void aRequestedCallbackIsDoneWhenTheCallerRingsAgainAndIsAnswered() {
        callbacks.recordRequested(new RequestedCallback("asked", "13800000007", "hotline", NOW.minusSeconds(60),
                NOW.minusSeconds(30)));
        assertThat(callbacks.closeAbandonedAnswered("13800000007", "again", NOW)).isEqualTo(1);
        assertThat(listedCallIds()).isEmpty();
    }

    @Test
    void theSurveyScoreShowsOnTheContactRecordedOnThatCallAndTheReportViewJoinsTheCallsAgent() {
        long customer = jdbc.queryForObject("insert into customers (customer_no, name, kind) values ('S1', '张三',"
                + " 'residential') returning id", Long.class);
        long agent = jdbc.queryForObject("select id from users where username = 'rq-agent'", Long.class);
        jdbc.update("insert into contacts (customer_id, call_id, channel, category, notes, agent_id, created_at)"
                + " values (?, 'surveyed', 'phone', 'enquiry', '问电费', ?, ?), (?, 'other', 'phone', 'fault', '报修', ?, ?)",
                customer, agent, java.sql.Timestamp.from(NOW), customer, agent,
                java.sql.Timestamp.from(NOW.minusSeconds(60)));
        SatisfactionSurveys surveys = new SatisfactionSurveys(pool);
        assertThat(surveys.record("surveyed", 5, "hotline", NOW)).isTrue();
        assertThat(surveys.record("surveyed", 1, "hotline", NOW)).as("the first answer counts").isFalse();

        PhoneNumbers numbers = new PhoneNumbers(PhoneProperties.defaults());
        List<CustomerCard.ContactSummary> history = new CustomerDirectory(pool, numbers)
                .contactHistory(customer, NOW.plusSeconds(1), 10);
        assertThat(history).extracting(CustomerCard.ContactSummary::satisfaction).containsExactly(5, null);

        // the call record is written when the call ends, after the survey: the view joins it then
        jdbc.update("insert into calls (call_id, direction, queue, agent_id, started_at, customer_id) values"
                + " ('surveyed', 'inbound', 'hotline', ?, ?, ?)", agent, java.sql.Timestamp.from(NOW), customer);
        assertThat(jdbc.queryForMap("select score, agent_username, queue, customer_id from satisfaction_survey_results"
                + " where call_id = 'surveyed'")).containsEntry("agent_username", "rq-agent")
                .containsEntry("queue", "hotline").containsEntry("customer_id", customer);
    }
}
