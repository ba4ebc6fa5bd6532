package org.hotline.sms.outbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.hotline.sms.message.EncodedSms;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsPart;
import org.hotline.sms.outbox.SenderSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies stored receipts to parts by SMSC id, rolls parts up to their message, and settles in-doubt messages by
 * the ADR 0009 rule: a receipt for the same destination whose text starts the part settles that part; a message
 * whose window passed with parts still unaccounted for goes back to the queue for those parts only.
 */
final class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** Receipts taken per pass. */
    static final int BATCH = 5_000;

    // unmatched receipts from a cursor that wraps: receipts that match nothing yet (their part not recorded yet, or an
    // in-doubt message's, settled by text below) are retried on the next round without starving newer ones
    private static final String UNMATCHED = """
            select id, smsc, smsc_message_id, state, stat, error_code from sms_receipts
            where not matched and id > ? order by id limit ?
            """;
    // the receipts come in as arrays, so the join probes sms_parts' id index per receipt whatever the table's counts
    // say (a join planned on the counts of a fast-growing table sorted every part: ~1 s a pass in the issue #5 bench)
    private static final String MATCH_BY_ID = """
            update sms_parts p set
                status = case when r.state = 'DELIVERED' then 'delivered'
                              when r.state in ('UNDELIVERABLE', 'EXPIRED', 'REJECTED', 'DELETED') then 'failed'
                              else p.status end,
                receipt_stat = r.stat, error_code = r.error_code,
                finished_at = case when r.state in ('ACCEPTED', 'ENROUTE', 'UNKNOWN') then null else now() end
            from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as r(id, smsc, smsc_message_id, state, stat, error_code)
            where p.smsc = r.smsc and p.smsc_message_id = r.smsc_message_id
            returning r.id, p.message_id
            """;
    private static final String ROLL_UP = """
            update sms_messages m set
                status = case when s.failed > 0 then 'failed' else 'delivered' end, finished_at = now(),
                error_code = s.err, error_text = s.stat
            from unnest(?::bigint[]) as u(id)
            cross join lateral (
                select count(*) n, count(*) filter (where status = 'failed') failed,
                       count(*) filter (where status = 'delivered') delivered,
                       max(error_code) filter (where status = 'failed') err,
                       max(receipt_stat) filter (where status = 'failed') stat
                from sms_parts where message_id = u.id) s
            where m.id = u.id and m.status = 'submitted' and s.n = m.segments
              and (s.failed > 0 or s.delivered = s.n)
            """;

    private final DataSource dataSource;
    private final SmsCodec codec;
    private final SenderSettings settings;
    private long applied;
    private long cursor;

    Reconciler(DataSource dataSource, SmsCodec codec, SenderSettings settings) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.settings = settings;
    }

    /**
     * One pass; returns the receipts applied. {@code receivingSince} is when receipts could last start arriving (a bind
     * up since then), null while nothing is bound: a window only runs while receipts can arrive.
     */
    int run(Instant receivingSince) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<Long> touched = new HashSet<>();
                int n = matchById(c, touched);
                rollUp(c, touched);
                c.commit();
                settleInDoubt(c, receivingSince);
                c.commit();
                applied += n;
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int matchById(Connection c, Set<Long> touched) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> smsc = new ArrayList<>();
        List<String> smscIds = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> stats = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(UNMATCHED)) {
            ps.setLong(1, cursor);
            ps.setInt(2, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    smsc.add(rs.getString(2));
                    smscIds.add(rs.getString(3));
                    states.add(rs.getString(4));
                    stats.add(rs.getString(5));
                    errors.add(rs.getString(6));
                }
            }
        }
        cursor = ids.size() < BATCH ? 0 : ids.get(ids.size() - 1);
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> matched = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(MATCH_BY_ID)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.setArray(2, c.createArrayOf("text", smsc.toArray()));
            ps.setArray(3, c.createArrayOf("text", smscIds.toArray()));
            ps.setArray(4, c.createArrayOf("text", states.toArray()));
            ps.setArray(5, c.createArrayOf("text", stats.toArray()));
            ps.setArray(6, c.createArrayOf("text", errors.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    matched.add(rs.getLong(1));
                    touched.add(rs.getLong(2));
                }
            }
        }
        if (!matched.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("update sms_receipts set matched = true where id = any (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", matched.toArray()));
                ps.executeUpdate();
            }
        }
        return matched.size();
    }

    private static void rollUp(Connection c, Set<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(ROLL_UP)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private void settleInDoubt(Connection c, Instant receivingSince) throws SQLException {
        record Doubt(long id, String destination, String body, Instant since, Instant submittingAt) {
        }
        List<Doubt> doubts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, destination, body, in_doubt_since, coalesce(submitting_at, created_at) from sms_messages
                where status = 'submitting' and in_doubt_since is not null order by id limit 500
                for update skip locked""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                doubts.add(new Doubt(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
            }
        }
        if (doubts.isEmpty()) {
            return;
        }
        Map<Long, Set<Integer>> known = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select message_id, seq from sms_parts where message_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", doubts.stream().map(Doubt::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getInt(2));
                }
            }
        }
        Instant now = Instant.now();
        Set<Long> touched = new HashSet<>();
        for (Doubt d : doubts) {
            Set<Integer> have = known.computeIfAbsent(d.id(), k -> new HashSet<>());
            EncodedSms encoded = codec.encode(d.body(), SendLoop.reference(d.id()));
            for (SmsPart part : encoded.parts()) {
                if (!have.contains(part.sequence()) && settleByReceipt(c, d.id(), d.destination(), d.submittingAt(),
                        part, encoded.parts().size())) {
                    have.add(part.sequence());
                }
            }
            if (have.size() == encoded.parts().size()) {
                resolve(c, d.id(), "submitted", "receipt");
                touched.add(d.id());
                log.info("SMS {} was in doubt: the SMSC's receipts show it was sent; not sending again", d.id());
            } else if (receivingSince != null && now.isAfter(later(d.since(), receivingSince)
                    .plus(settings.inDoubtWindow()))) {
                resolve(c, d.id(), "queued", "resent");
                log.info("SMS {} was in doubt: no receipt for {} of {} part(s) within {}; sending those again",
                        d.id(), encoded.parts().size() - have.size(), encoded.parts().size(), settings.inDoubtWindow());
            }
        }
        c.commit();
        // receipts matched to these parts by text carried states: a pass by id is not needed, roll up at once
        rollUp(c, touched);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean settleByReceipt(Connection c, long messageId, String destination, Instant since,
                                           SmsPart part, int total) throws SQLException {
        // receipts settled by id first; only old enough ones here, so a live message's own receipt is never taken
        try (PreparedStatement ps = c.prepareStatement("""
                select id, smsc, smsc_message_id, state, stat, error_code, text_prefix from sms_receipts
                where not matched and destination = ? and received_at >= cast(? as timestamptz) - interval '1 minute'
                  and received_at < now() - interval '2 seconds'
                order by id for update skip locked""")) {
            ps.setString(1, destination);
            ps.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String prefix = rs.getString(7);
                    if (prefix == null || prefix.isEmpty() || !part.text().startsWith(prefix)) {
                        continue;
                    }
                    String state = rs.getString(4);
                    String status = "DELIVERED".equals(state) ? "delivered"
                            : List.of("UNDELIVERABLE", "EXPIRED", "REJECTED", "DELETED").contains(state) ? "failed"
                            : "submitted";
                    try (PreparedStatement ins = c.prepareStatement("""
                            insert into sms_parts (message_id, seq, total, smsc, smsc_message_id, status, receipt_stat,
                                                   error_code, resolved_by, finished_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 'receipt', now())""")) {
                        ins.setLong(1, messageId);
                        ins.setInt(2, part.sequence());
                        ins.setInt(3, total);
                        ins.setString(4, rs.getString(2));
                        ins.setString(5, rs.getString(3));
                        ins.setString(6, status);
                        ins.setString(7, rs.getString(5));
                        ins.setString(8, rs.getString(6));
                        ins.executeUpdate();
                    }
                    try (PreparedStatement upd = c.prepareStatement(
                            "update sms_receipts set matched = true where id = ?")) {
                        upd.setLong(1, rs.getLong(1));
                        upd.executeUpdate();
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private static void resolve(Connection c, long id, String status, String resolution) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update sms_messages set status = ?, in_doubt_since = null, in_doubt_resolution = ?, not_before = now(),
                    submitted_at = case when ? = 'submitted' then now() else submitted_at end,
                    smsc = coalesce((select smsc from sms_parts where message_id = ? order by seq limit 1), smsc),
                    smsc_message_id = (select smsc_message_id from sms_parts where message_id = ? order by seq limit 1)
                where id = ?""")) {
            ps.setString(1, status);
            ps.setString(2, resolution);
            ps.setString(3, status);
            ps.setLong(4, id);
            ps.setLong(5, id);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    long applied() {
        return applied;
    }
}
