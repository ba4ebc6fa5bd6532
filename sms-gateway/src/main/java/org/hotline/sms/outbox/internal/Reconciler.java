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
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.UnsettledPolicy;
import org.hotline.sms.smpp.SmscConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies stored receipts to parts by SMSC id, rolls parts up to their message, and settles in-doubt messages by
 * the ADR 0026 rule ({@link InDoubtSettlement}); a message whose window passed with parts still unaccounted for is
 * sent again for those parts only, or held for a person, by its kind's policy.
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
    static final String ROLL_UP = """
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
            where m.id = u.id and m.status in ('submitted', 'unknown') and s.n = m.segments
              and (s.failed > 0 or s.delivered = s.n)
            """;

    private final DataSource dataSource;
    private final SmsCodec codec;
    private final SenderSettings settings;
    private final Map<String, String> sources;
    private final Accounts accounts;
    private long applied;
    private long cursor;

    Reconciler(DataSource dataSource, SmsCodec codec, SenderSettings settings, List<SmscConnection> connections,
               Accounts accounts) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.codec = codec;
        this.settings = settings;
        Map<String, String> sources = new HashMap<>();
        for (SmscConnection c : connections) {
            sources.put(c.name(), c.sourceAddress());
        }
        this.sources = Map.copyOf(sources);
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

    /** Rolls the parts of {@code ids} up to their messages (delivered when all are, failed when one is). */
    static void rollUp(Connection c, Set<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(ROLL_UP)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private void settleInDoubt(Connection c, Instant receivingSince) throws SQLException {
        record Doubt(long id, String destination, String body, Instant since, Instant claimedAt, SmsKind kind,
                     boolean held, String smsc) {
        }
        List<Doubt> doubts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, destination, body, in_doubt_since, coalesce(submitting_at, created_at), kind,
                       in_doubt_resolution = 'held', smsc
                from sms_messages
                where status = 'submitting' and in_doubt_since is not null
                order by coalesce(in_doubt_resolution, '') = 'held', id limit 500
                for update skip locked""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                doubts.add(new Doubt(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                        SmsKind.valueOf(rs.getString(6).toUpperCase(java.util.Locale.ROOT)), rs.getBoolean(7),
                        rs.getString(8)));
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
        List<InDoubtSettlement.Part> missing = new ArrayList<>();
        Map<Long, Integer> totals = new HashMap<>();
        Set<Long> windowPassed = new HashSet<>();
        Instant earliest = now;
        for (Doubt d : doubts) {
            Set<Integer> have = known.computeIfAbsent(d.id(), k -> new HashSet<>());
            // the text as the account it went through sent it (after a crash: the first account that takes the number)
            String sent = accounts.likely(d.smsc(), d.destination()).render(d.body());
            EncodedSms encoded = codec.encode(sent, SendLoop.reference(d.id()));
            totals.put(d.id(), encoded.parts().size());
            for (SmsPart part : encoded.parts()) {
                if (!have.contains(part.sequence())) {
                    missing.add(new InDoubtSettlement.Part(d.id(), part.sequence(), d.destination(), part.text(),
                            d.claimedAt()));
                }
            }
            earliest = d.claimedAt().isBefore(earliest) ? d.claimedAt() : earliest;
            if (receivingSince != null && now.isAfter(later(d.since(), receivingSince).plus(settings.inDoubtWindow()))) {
                windowPassed.add(d.id());
            }
        }
        Map<Long, StoredReceipt> receipts = candidates(c, doubts.stream().map(Doubt::destination).distinct().toList(),
                earliest.minus(InDoubtSettlement.SKEW));
        InDoubtSettlement.Outcome outcome = InDoubtSettlement.settle(missing,
                receipts.values().stream().map(StoredReceipt::candidate).toList(), windowPassed);
        for (Map.Entry<InDoubtSettlement.Part, InDoubtSettlement.Receipt> e : outcome.settled().entrySet()) {
            InDoubtSettlement.Part p = e.getKey();
            recordByReceipt(c, p.messageId(), p.seq(), totals.get(p.messageId()), receipts.get(e.getValue().id()));
            known.get(p.messageId()).add(p.seq());
        }
        Set<Long> touched = new HashSet<>();
        for (Doubt d : doubts) {
            int total = totals.get(d.id());
            int have = known.get(d.id()).size();
            if (have == total) {
                resolve(c, d.id(), "submitted", "receipt", null);
                touched.add(d.id());
                log.info("SMS {} was in doubt: the SMSC's receipts show it was sent; not sending again", d.id());
            } else if (windowPassed.contains(d.id()) && !d.held()) {
                String why = (outcome.ambiguous().contains(d.id()) ? "receipts ambiguous" : "no receipt") + " for "
                        + (total - have) + " of " + total + " part(s) within " + settings.inDoubtWindow();
                if (settings.policy(d.kind()) == UnsettledPolicy.HOLD) {
                    hold(c, d.id(), why + ": held for a person (at most once)");
                    log.warn("SMS {} was in doubt: {}; held for a person (policy hold for {})", d.id(), why,
                            d.kind().code());
                } else {
                    resolve(c, d.id(), "queued", "resent", why + ": sent again");
                    log.info("SMS {} was in doubt: {}; sending those again", d.id(), why);
                }
            }
        }
        c.commit();
        // receipts matched to these parts by their fields carried states: roll up at once
        rollUp(c, touched);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A stored receipt with what the settlement rule compares. */
    private record StoredReceipt(InDoubtSettlement.Receipt candidate, String smsc, String smscId, String state,
                                 String stat, String error) {
    }

    private Map<Long, StoredReceipt> candidates(Connection c, List<String> destinations, Instant from)
            throws SQLException {
        Map<Long, StoredReceipt> out = new java.util.LinkedHashMap<>();
        // receipts settled by id first; only old enough ones here, so a live message's own receipt is never taken
        try (PreparedStatement ps = c.prepareStatement("""
                select id, smsc, smsc_message_id, state, stat, error_code, text_prefix, received_at, source, destination
                from sms_receipts
                where not matched and destination = any (?) and received_at >= ?
                  and received_at < now() - interval '2 seconds'
                order by id limit 5000""")) {
            ps.setArray(1, c.createArrayOf("text", destinations.toArray()));
            ps.setTimestamp(2, Timestamp.from(from));
            java.util.Set<String> seen = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String smsc = rs.getString(2);
                    if (!seen.add(smsc + '\n' + rs.getString(3))) {
                        continue; // the same receipt delivered again (its first deliver_sm_resp was lost): one submit
                    }
                    InDoubtSettlement.Receipt r = new InDoubtSettlement.Receipt(rs.getLong(1), rs.getString(10),
                            rs.getString(7), rs.getTimestamp(8).toInstant(), fromOurSource(smsc, rs.getString(9)));
                    out.put(r.id(), new StoredReceipt(r, smsc, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** The receipt's destination_addr is our source address (an extension may follow it), when the SMSC writes it. */
    private boolean fromOurSource(String smsc, String receiptSource) {
        String ours = sources.get(smsc);
        if (ours == null || ours.isBlank() || receiptSource == null || receiptSource.isBlank()) {
            return true;
        }
        return ReceivedStore.normalize(receiptSource).startsWith(ReceivedStore.normalize(ours));
    }

    private static void recordByReceipt(Connection c, long messageId, int seq, int total, StoredReceipt r)
            throws SQLException {
        String status = "DELIVERED".equals(r.state()) ? "delivered"
                : List.of("UNDELIVERABLE", "EXPIRED", "REJECTED", "DELETED").contains(r.state()) ? "failed"
                : "submitted";
        try (PreparedStatement ins = c.prepareStatement("""
                insert into sms_parts (message_id, seq, total, smsc, smsc_message_id, status, receipt_stat,
                                       error_code, resolved_by, finished_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'receipt', now())""")) {
            ins.setLong(1, messageId);
            ins.setInt(2, seq);
            ins.setInt(3, total);
            ins.setString(4, r.smsc());
            ins.setString(5, r.smscId());
            ins.setString(6, status);
            ins.setString(7, r.stat());
            ins.setString(8, r.error());
            ins.executeUpdate();
        }
        try (PreparedStatement upd = c.prepareStatement(
                "update sms_receipts set matched = true where smsc = ? and smsc_message_id = ? and not matched")) {
            upd.setString(1, r.smsc());
            upd.setString(2, r.smscId());
            upd.executeUpdate();
        }
    }

    private static void hold(Connection c, long id, String why) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update sms_messages set in_doubt_resolution = 'held', error_text = ? where id = ?""")) {
            ps.setString(1, why);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static void resolve(Connection c, long id, String status, String resolution, String why)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update sms_messages set status = ?, in_doubt_since = null, in_doubt_resolution = ?, not_before = now(),
                    error_text = coalesce(?, error_text),
                    submitted_at = case when ? = 'submitted' then now() else submitted_at end,
                    smsc = coalesce((select smsc from sms_parts where message_id = ? order by seq limit 1), smsc),
                    smsc_message_id = (select smsc_message_id from sms_parts where message_id = ? order by seq limit 1)
                where id = ?""")) {
            ps.setString(1, status);
            ps.setString(2, resolution);
            ps.setString(3, why);
            ps.setString(4, status);
            ps.setLong(5, id);
            ps.setLong(6, id);
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    long applied() {
        return applied;
    }
}
