package org.hotline.reports;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Call records as the call-record writer leaves them, for report tests: queue {@code rq} (call "again": rq2). */
final class TestCalls {

    private TestCalls() {
    }

    /** One queue call that waited {@code wait} seconds and ended as {@code outcome}. */
    static void insert(JdbcTemplate jdbc, String id, Instant queued, int wait, String outcome, int talk, int hold,
                       Integer wrap, String agent) {
        boolean answered = outcome.equals("answered") || outcome.equals("transferred");
        Instant left = queued.plusSeconds(wait);
        Instant ended = answered ? left.plusSeconds(talk + hold) : left;
        jdbc.update("""
                insert into calls (call_id, direction, caller_raw, queue, agent_interface, started_at, queued_at,
                                   answered_at, ended_at, hold_seconds, talk_seconds, outcome, wrapup_seconds)
                values (?, 'inbound', '13800138000', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, id.equals("again") ? "rq2" : "rq", agent, Timestamp.from(queued.minusSeconds(20)),
                Timestamp.from(queued), answered ? Timestamp.from(left) : null, Timestamp.from(ended), hold, talk,
                outcome, wrap);
    }
}
