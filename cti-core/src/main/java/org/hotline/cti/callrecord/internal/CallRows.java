package org.hotline.cti.callrecord.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hotline.cti.callrecord.AgentInterval;
import org.hotline.cti.callrecord.CallDisposition;
import org.hotline.cti.callrecord.CallRecord;
import org.hotline.cti.callrecord.CallSegment;
import org.hotline.cti.callrecord.CallSegments;
import org.hotline.cti.callrecord.RecoveredCall;
import org.hotline.cti.callrecord.WrapUp;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one batch of journal items to PostgreSQL in one transaction: call records (upserted by call id, the customer
 * and agent resolved), recovered calls (only where no row exists), wrap-ups, agent state stretches and calls' segments.
 */
final class CallRows {

    private static final String NORMALIZED_INTERFACE = "regexp_replace(i.interface, '^(Local/[^/]+)/[^/]*$', '\\1')";

    private static final String UPSERT = """
            insert into calls (call_id, direction, caller_raw, caller_normalized, customer_id, queue, agent_id,
                               agent_interface, started_at, queued_at, answered_at, ended_at, hold_seconds,
                               talk_seconds, outcome, hangup_cause, talk_with_hold_seconds, ended_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (call_id) do update set direction = excluded.direction, caller_raw = excluded.caller_raw,
                caller_normalized = excluded.caller_normalized, customer_id = excluded.customer_id,
                queue = excluded.queue, agent_id = excluded.agent_id, agent_interface = excluded.agent_interface,
                queued_at = excluded.queued_at, answered_at = excluded.answered_at, ended_at = excluded.ended_at,
                hold_seconds = excluded.hold_seconds, talk_seconds = excluded.talk_seconds,
                outcome = excluded.outcome, hangup_cause = excluded.hangup_cause,
                talk_with_hold_seconds = excluded.talk_with_hold_seconds, ended_by = excluded.ended_by,
                source = 'ami', written_at = now()
            """;

    // a recovered call never replaces a row: Hotline's own record of a call knows more than queue_log
    private static final String INSERT_RECOVERED = """
            insert into calls (call_id, direction, caller_raw, caller_normalized, customer_id, queue, agent_id,
                               agent_interface, started_at, queued_at, answered_at, ended_at, hold_seconds,
                               talk_seconds, outcome, hangup_cause, talk_with_hold_seconds, ended_by, source)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (call_id) do nothing
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PhoneNumbers phoneNumbers;

    CallRows(JdbcTemplate jdbc, TransactionTemplate tx, PhoneNumbers phoneNumbers) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.phoneNumbers = phoneNumbers;
    }

    /** Writes the batch in one transaction. */
    void write(List<Object> batch) {
        List<CallRecord> records = new ArrayList<>();
        List<RecoveredCall> recovered = new ArrayList<>();
        List<WrapUp> wrapUps = new ArrayList<>();
        List<AgentInterval> intervals = new ArrayList<>();
        List<CallSegments> segments = new ArrayList<>();
        List<CallDisposition> dispositions = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof CallRecord r) {
                records.add(r);
            } else if (item instanceof RecoveredCall c) {
                recovered.add(c);
            } else if (item instanceof WrapUp w) {
                wrapUps.add(w);
            } else if (item instanceof AgentInterval i) {
                intervals.add(i);
            } else if (item instanceof CallSegments c) {
                segments.add(c);
            } else if (item instanceof CallDisposition d) {
                dispositions.add(d);
            }
        }
        tx.executeWithoutResult(status -> {
            if (!records.isEmpty()) {
                insert(records, UPSERT, r -> null);
            }
            if (!recovered.isEmpty()) {
                Map<CallRecord, String> sources = new HashMap<>();
                recovered.forEach(c -> sources.put(c.record(), c.source()));
                insert(new ArrayList<>(sources.keySet()), INSERT_RECOVERED, sources::get);
            }
            if (!intervals.isEmpty()) {
                insertIntervals(intervals);
            }
            if (!segments.isEmpty()) {
                insertSegments(segments);
            }
            if (!dispositions.isEmpty()) {
                insertDispositions(dispositions);
            }
            if (!wrapUps.isEmpty()) {
                jdbc.batchUpdate("update calls set wrapup_seconds = ?, written_at = now() where call_id = ?", wrapUps,
                        wrapUps.size(), (ps, w) -> {
                            ps.setInt(1, (int) Math.min(Integer.MAX_VALUE, w.duration().toSeconds()));
                            ps.setString(2, w.callId().value());
                        });
            }
        });
    }

    private void insertIntervals(List<AgentInterval> intervals) {
        Map<String, Long> agents = agentIds(intervals.stream().map(i -> i.agent().value()).collect(
                java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        jdbc.batchUpdate("""
                insert into agent_intervals (agent_interface, agent_id, state, reason, started_at, ended_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (agent_interface, started_at) do update set state = excluded.state,
                    reason = excluded.reason, ended_at = excluded.ended_at""", intervals, intervals.size(), (ps, i) -> {
                    ps.setString(1, i.agent().value());
                    ps.setObject(2, agents.get(i.agent().value()));
                    ps.setString(3, i.state());
                    ps.setString(4, i.reason());
                    ps.setTimestamp(5, ts(i.from()));
                    ps.setTimestamp(6, ts(i.to()));
                });
    }

    // a chosen outcome is never overwritten by none: another node's desk saw the same call end without a choice
    private void insertDispositions(List<CallDisposition> list) {
        Map<String, Long> agents = agentIds(list.stream().map(d -> d.agent().value()).collect(
                java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        jdbc.batchUpdate("""
                insert into call_dispositions (call_id, agent_interface, agent_id, queue, code, recorded_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (call_id, agent_interface) do update set code = excluded.code,
                    recorded_at = excluded.recorded_at
                where excluded.code <> 'none' or call_dispositions.code = 'none'""", list, list.size(), (ps, d) -> {
                    ps.setString(1, d.callId().value());
                    ps.setString(2, d.agent().value());
                    ps.setObject(3, agents.get(d.agent().value()));
                    ps.setString(4, d.queue());
                    ps.setString(5, d.code());
                    ps.setTimestamp(6, ts(d.recordedAt()));
                });
        jdbc.batchUpdate("""
                update calls set disposition = ?, written_at = now()
                where call_id = ? and (? <> 'none' or disposition is null or disposition = 'none')""", list,
                list.size(), (ps, d) -> {
                    ps.setString(1, d.code());
                    ps.setString(2, d.callId().value());
                    ps.setString(3, d.code());
                });
        jdbc.batchUpdate("""
                update contacts set disposition = ? where call_id = ? and agent_id = ?
                    and (? <> 'none' or disposition is null)""", list, list.size(), (ps, d) -> {
                    ps.setString(1, d.code());
                    ps.setString(2, d.callId().value());
                    ps.setObject(3, agents.get(d.agent().value()));
                    ps.setString(4, d.code());
                });
    }

    // a call's segments are replaced whole: written twice (a replayed journal), they are still one set
    private void insertSegments(List<CallSegments> calls) {
        jdbc.batchUpdate("delete from call_segments where call_id = ?", calls, calls.size(),
                (ps, c) -> ps.setString(1, c.callId().value()));
        List<Object[]> rows = new ArrayList<>();
        Set<String> interfaces = new LinkedHashSet<>();
        for (CallSegments c : calls) {
            int seq = 0;
            for (CallSegment seg : c.segments()) {
                String agent = seg.agent() == null ? null : seg.agent().value();
                if (agent != null) {
                    interfaces.add(agent);
                }
                rows.add(new Object[] {c.callId().value(), seq++, seg.kind(), seg.queue(), agent, ts(seg.from()),
                    ts(seg.to()), seg.result()});
            }
        }
        Map<String, Long> agents = agentIds(interfaces);
        jdbc.batchUpdate("""
                insert into call_segments (call_id, seq, kind, queue, agent_interface, agent_id, started_at, ended_at,
                                           result) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(),
                (ps, r) -> {
                    ps.setString(1, (String) r[0]);
                    ps.setInt(2, (Integer) r[1]);
                    ps.setString(3, (String) r[2]);
                    ps.setString(4, (String) r[3]);
                    ps.setString(5, (String) r[4]);
                    ps.setObject(6, r[4] == null ? null : agents.get((String) r[4]));
                    ps.setTimestamp(7, (Timestamp) r[5]);
                    ps.setTimestamp(8, (Timestamp) r[6]);
                    ps.setString(9, (String) r[7]);
                });
    }

    private Map<String, Long> agentIds(Set<String> interfaces) {
        Map<String, Long> agents = new HashMap<>();
        if (!interfaces.isEmpty()) {
            // accounts hold the member's exact interface (Local/1001@agents/n); records name it normalized
            // the expression is agent_interfaces_normalized_idx's (V26): keep the two the same
            jdbc.query("select " + NORMALIZED_INTERFACE + ", i.user_id from agent_interfaces i where "
                            + NORMALIZED_INTERFACE + " = any(?)",
                    rs -> { agents.put(rs.getString(1), rs.getLong(2)); },
                    (Object) interfaces.toArray(String[]::new));
        }
        return agents;
    }

    private void insert(List<CallRecord> records, String sql, Function<CallRecord, String> source) {
        Map<CallRecord, PhoneNumber> numbers = new HashMap<>();
        Set<String> lookups = new LinkedHashSet<>();
        Set<String> interfaces = new LinkedHashSet<>();
        for (CallRecord r : records) {
            PhoneNumber n = phoneNumbers.normalize(r.caller().number());
            numbers.put(r, n);
            if (n.lookupable()) {
                lookups.add(n.normalized());
            }
            if (r.agent() != null) {
                interfaces.add(r.agent().value());
            }
        }
        Map<String, Long> customers = new HashMap<>();
        if (!lookups.isEmpty()) {
            // first match: the lowest customer id on that number, as the pop's pick-list order starts
            jdbc.query("select distinct on (normalized) normalized, customer_id from customer_phones"
                            + " where normalized = any(?) order by normalized, customer_id",
                    rs -> { customers.put(rs.getString(1), rs.getLong(2)); },
                    (Object) lookups.toArray(String[]::new));
        }
        Map<String, Long> agents = agentIds(interfaces);
        jdbc.batchUpdate(sql, records, records.size(), (ps, r) -> {
            PhoneNumber n = numbers.get(r);
            String normalized = n.normalized().isEmpty() ? null : n.normalized();
            ps.setString(1, r.callId().value());
            ps.setString(2, r.direction());
            ps.setString(3, r.caller().number().isEmpty() ? null : r.caller().number());
            ps.setString(4, normalized);
            ps.setObject(5, normalized == null ? null : customers.get(normalized));
            ps.setString(6, r.queue());
            ps.setObject(7, r.agent() == null ? null : agents.get(r.agent().value()));
            ps.setString(8, r.agent() == null ? null : r.agent().value());
            ps.setTimestamp(9, ts(r.startedAt()));
            ps.setTimestamp(10, ts(r.queuedAt()));
            ps.setTimestamp(11, ts(r.answeredAt()));
            ps.setTimestamp(12, ts(r.endedAt()));
            ps.setInt(13, (int) r.hold().toSeconds());
            ps.setInt(14, (int) r.talk().toSeconds());
            ps.setString(15, r.outcome().code());
            ps.setInt(16, r.hangupCause());
            ps.setInt(17, (int) r.talkWithHold().toSeconds());
            ps.setString(18, r.endedBy() == null ? null : r.endedBy().code());
            if (source.apply(r) != null) {
                ps.setString(19, source.apply(r));
            }
        });
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

}
