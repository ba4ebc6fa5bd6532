package org.hotline.cti.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Satisfaction surveys (满意度) after a call, one per call id: the score 1–5 the caller keyed, stored with the call
 * id; the agent and customer come from the call record (view {@code satisfaction_survey_results}). Thread-safe.
 */
public final class SatisfactionSurveys {

    private final JdbcTemplate jdbc;

    /** Reads and writes through the given pool. */
    public SatisfactionSurveys(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Stores a caller's score unless the call already has one (the first answer counts); true when stored.
     *
     * @param queue the queue the call came from, or null
     */
    public boolean record(String callId, int score, String queue, Instant at) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(at, "at");
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score: " + score + " (expected: 1 to 5)");
        }
        return jdbc.update("""
                insert into satisfaction_surveys (call_id, score, queue, answered_at) values (?, ?, ?, ?)
                on conflict (call_id) do nothing""", callId, (short) score, queue == null || queue.isBlank() ? null
                : queue, Timestamp.from(at)) == 1;
    }

    /** The score stored for a call. */
    public Optional<Integer> scoreOf(String callId) {
        return jdbc.query("select score from satisfaction_surveys where call_id = ?", (rs, i) -> rs.getInt(1), callId)
                .stream().findFirst();
    }
}
