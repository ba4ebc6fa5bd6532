package org.hotline.ivr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes one row per script run to {@code ivr_runs}: what the reports count (deflections, fault reports, identities). */
final class IvrRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    IvrRuns(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** One finished run. */
    record Run(String callId, String script, String caller, Instant startedAt, Instant endedAt, String outcome,
               String path, Map<String, Object> facts, String error) {
    }

    void record(Run run) {
        String facts;
        try {
            facts = JSON.writeValueAsString(run.facts());
        } catch (JsonProcessingException e) {
            facts = "{}";
        }
        jdbc.update("""
                insert into ivr_runs (call_id, script, caller, started_at, ended_at, outcome, path, facts, error)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", run.callId(), run.script(), cut(run.caller(), 40),
                Timestamp.from(run.startedAt()), Timestamp.from(run.endedAt()), run.outcome(), run.path(), facts,
                cut(run.error(), 500));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
