package org.hotline.sms.outbox.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.smpp.SubmitResult.Outcome;
import org.springframework.dao.DataAccessResourceFailureException;

/** The sender's SQL on {@code sms_messages} / {@code sms_parts}: claim, record results, recover, count. */
public final class OutboxStore {

    // the parts the SMSC already accepted come back with the claim (a resent message sends only the others); it
    // starts after a cursor, as the index's head holds every claimed message's dead entry until vacuum; the account's
    // min() is grouped, as a bare min(smsc) was planned as a walk of every part in the smsc index (ADR 0038)
    static final String CLAIM = """
            with due as (
                select m.id from sms_messages m left join sms_campaigns c on c.id = m.campaign_id
                where m.status = 'queued' and m.not_before <= now() and (m.campaign_id is null or c.status = 'running')
                  and (m.not_before, m.id) > (coalesce(?::timestamptz, '-infinity'), ?)
                  and not (m.kind = any (?::text[]))
                order by m.not_before, m.id limit ? for update of m skip locked)
            update sms_messages m set status = 'submitting', submitting_at = now(), attempts = m.attempts + 1
            from due where m.id = due.id
            returning m.id, m.destination, m.body, m.attempts,
                (select array_agg(p.seq) from sms_parts p where p.message_id = m.id), m.source_extension,
                (select min(p.smsc) from sms_parts p where p.message_id = m.id group by p.message_id), m.not_before
            """;
    private static final String INSERT_PART = """
            insert into sms_parts (message_id, seq, total, smsc, smsc_message_id) values (?, ?, ?, ?, ?)
            on conflict do nothing
            """;
    // one statement for a whole batch: the common path at thousands of messages a second; the first part's id by a
    // correlated lookup on the primary key, as a join planned on stale counts scanned all parts (issue #5 bench)
    // segments become the parts of the text as sent: the account's signature may differ from the body's (ADR 0035)
    private static final String SUBMITTED = """
            update sms_messages m set status = 'submitted', submitted_at = now(), error_code = null, error_text = null,
                segments = u.total,
                (smsc, smsc_message_id) = (select p.smsc, p.smsc_message_id from sms_parts p
                                           where p.message_id = m.id and p.seq = 1)
            from unnest(?::bigint[], ?::int[]) as u(id, total)
            where m.id = u.id and m.status = 'submitting'
            """;
    private static final String REQUEUE = """
            update sms_messages set status = 'queued', not_before = now() + ? * interval '1 millisecond',
                attempts = attempts - ?, error_code = ?, error_text = ?
            where id = ? and status = 'submitting'
            """;
    private static final String FAIL = """
            update sms_messages set status = 'failed', finished_at = now(), error_code = ?, error_text = ?
            where id = ? and status = 'submitting'
            """;
    // the account is kept: the settlement compares receipts with the text as that account sent it
    private static final String IN_DOUBT = """
            update sms_messages set in_doubt_since = now(), in_doubt_count = in_doubt_count + 1, error_text = ?,
                smsc = coalesce(?, smsc)
            where id = ? and status = 'submitting' and in_doubt_since is null
            """;

    /** Results recorded between two analyses of the outbox's tables. */
    static final int ANALYZE_AFTER_SENT = 10_000;

    /** How long a message without a route waits before it is claimed again (ADR 0035). */
    static final long NO_ROUTE_DELAY_MILLIS = 3_000;

    private final DataSource dataSource;
    private final SmsCodec codec;
    private final SenderSettings settings;
    private final AtomicInteger sentSinceAnalyze = new AtomicInteger();

    /** Works on {@code dataSource}. */
    public OutboxStore(DataSource dataSource, SmsCodec codec, SenderSettings settings) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.settings = settings;
    }

    SmsCodec codec() {
        return codec;
    }

    /**
     * Marks up to {@code limit} due messages after {@code after} submitting and commits, before anything is sent; none
     * of the kinds in {@code quietKinds} (those in their quiet hours now).
     */
    List<Claimed> claim(ClaimCursor.Position after, int limit, String[] quietKinds) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            List<Claimed> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setTimestamp(1, after.notBefore() == null ? null : java.sql.Timestamp.from(after.notBefore()));
                ps.setLong(2, after.id());
                ps.setArray(3, c.createArrayOf("text", quietKinds));
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Array seqs = rs.getArray(5);
                        Set<Integer> known = seqs == null ? Set.of() : Set.of((Integer[]) seqs.getArray());
                        out.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), known,
                                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not claim SMS", e);
        }
    }

    /** Records a batch of attempts in one transaction: accepted parts, then each message's new state. */
    void record(List<SendResult> results) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement part = c.prepareStatement(INSERT_PART);
                 PreparedStatement submitted = c.prepareStatement(SUBMITTED);
                 PreparedStatement requeue = c.prepareStatement(REQUEUE);
                 PreparedStatement fail = c.prepareStatement(FAIL);
                 PreparedStatement doubt = c.prepareStatement(IN_DOUBT)) {
                for (SendResult r : results) {
                    for (SendResult.AcceptedPart p : r.accepted()) {
                        part.setLong(1, r.message().id());
                        part.setInt(2, p.seq());
                        part.setInt(3, r.total());
                        part.setString(4, p.smsc());
                        part.setString(5, p.smscMessageId());
                        part.addBatch();
                    }
                }
                part.executeBatch();
                List<Long> accepted = new ArrayList<>();
                List<Integer> totals = new ArrayList<>();
                for (SendResult r : results) {
                    long id = r.message().id();
                    Outcome outcome = r.last().outcome();
                    String code = r.last().commandStatus() == null ? null
                            : "0x" + String.format("%08x", r.last().commandStatus());
                    switch (outcome) {
                        case ACCEPTED -> {
                            accepted.add(id);
                            totals.add(r.total());
                        }
                        // no route: nothing that takes the number is bound; tried less often than a dropped bind
                        case NOT_SENT -> addRequeue(requeue, id, r.last().detail() != null
                                && r.last().detail().startsWith(SendLoop.NO_ROUTE) ? NO_ROUTE_DELAY_MILLIS : 1_000, 1,
                                null, r.last().detail());
                        case TEMPORARY -> {
                            if (r.message().attempts() >= settings.maxAttempts()) {
                                addFail(fail, id, code, "attempts exhausted, last: " + r.last().detail());
                            } else {
                                addRequeue(requeue, id, backoffMillis(r.message().attempts()), 0, code,
                                        r.last().detail());
                            }
                        }
                        case PERMANENT -> addFail(fail, id, code, r.last().detail());
                        case IN_DOUBT -> {
                            doubt.setString(1, r.last().detail());
                            doubt.setString(2, r.account());
                            doubt.setLong(3, id);
                            doubt.addBatch();
                        }
                    }
                }
                if (!accepted.isEmpty()) {
                    submitted.setArray(1, c.createArrayOf("bigint", accepted.toArray()));
                    submitted.setArray(2, c.createArrayOf("integer", totals.toArray()));
                    submitted.executeUpdate();
                }
                requeue.executeBatch();
                fail.executeBatch();
                doubt.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            if (sentSinceAnalyze.addAndGet(results.size()) >= ANALYZE_AFTER_SENT) {
                sentSinceAnalyze.set(0);
                // planned on counts with none submitted, the receipts' roll-up scanned every submitted row per batch
                OutboxAnalyze.run(c, true, ANALYZE_AFTER_SENT + " results");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not record " + results.size() + " SMS results", e);
        }
    }

    private long backoffMillis(int attempts) {
        long base = 5_000L << Math.min(16, Math.max(0, attempts - 1));
        return Math.min(settings.retryBackoffCap().toMillis(), base);
    }

    private static void addRequeue(PreparedStatement ps, long id, long delayMillis, int uncount, String code,
                                   String text) throws SQLException {
        ps.setLong(1, delayMillis);
        ps.setInt(2, uncount);
        ps.setString(3, code);
        ps.setString(4, text);
        ps.setLong(5, id);
        ps.addBatch();
    }

    private static void addFail(PreparedStatement ps, long id, String code, String text) throws SQLException {
        ps.setString(1, code);
        ps.setString(2, text);
        ps.setLong(3, id);
        ps.addBatch();
    }

    /**
     * At start-up, with the sender lock held: every {@code submitting} row was left by a sender that died between
     * marking it and recording the response, so it is in doubt (ADR 0009). Returns how many.
     */
    int recoverInDoubt(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update sms_messages set in_doubt_since = now(), in_doubt_count = in_doubt_count + 1
                where status = 'submitting' and in_doubt_since is null""")) {
            return ps.executeUpdate();
        }
    }

    /**
     * Moves queued messages of {@code kinds} due before {@code until} (the end of their quiet hours) to it: whatever
     * queued them (a retry's backoff, a campaign resumed at night) they wait for the morning. Returns how many.
     */
    int holdForQuietHours(String[] kinds, java.time.Instant until) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update sms_messages set not_before = ?
                     where status = 'queued' and not_before < ? and kind = any (?::text[])""")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(until));
            ps.setTimestamp(2, java.sql.Timestamp.from(until));
            ps.setArray(3, c.createArrayOf("text", kinds));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not hold SMS for quiet hours", e);
        }
    }

    /** Messages ever in doubt by resolution. */
    public Map<String, Long> inDoubtCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select case when in_doubt_resolution = 'held' and in_doubt_since is not null then 'held'
                                 when in_doubt_since is not null then 'open' else in_doubt_resolution end, count(*)
                     from sms_messages where in_doubt_count > 0 group by 1""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not count in-doubt SMS", e);
        }
    }
}
