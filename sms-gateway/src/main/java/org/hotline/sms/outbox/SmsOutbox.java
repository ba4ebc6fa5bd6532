package org.hotline.sms.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hotline.sms.message.SegmentCount;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsTextException;
import org.hotline.sms.outbox.internal.OutboxAnalyze;
import org.hotline.sms.route.RouteAccount;
import org.hotline.sms.route.Routes;
import org.hotline.sms.route.SignedText;
import org.hotline.sms.smpp.SmscProperties;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The durable outbox's front door (issue #5): writes messages to PostgreSQL, idempotently by dedupe key, before
 * anything is sent; the sender takes them from there.
 */
public class SmsOutbox {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final int MAX_KEY_LENGTH = 200;
    /** The longest source address SMPP's source_addr and CMPP's Src_Id carry. */
    static final int MAX_SOURCE = 21;
    /** A batch this large changes the queue enough that the sender's claim needs fresh planner statistics. */
    static final int ANALYZE_AFTER_ROWS = 1_000;

    private static final String INSERT = """
            insert into sms_messages (dedupe_key, campaign_id, kind, destination, body, segments, not_before, status,
                                      source_extension)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (dedupe_key) do nothing
            """;

    // queued, in doubt and unmatched receipts by their partial indexes; awaiting receipt is a scan, bounded to a day
    // because an SMSC that sends no receipts leaves messages 'submitted' for good
    private static final String BACKLOG = """
            select (select count(*) from sms_messages where status = 'queued'),
                   (select count(*) from sms_messages where in_doubt_since is not null),
                   (select count(*) from sms_messages
                     where status = 'submitted' and submitted_at > now() - interval '1 day'),
                   (select count(*) from sms_receipts where not matched),
                   (select count(*) from sms_messages where in_doubt_since is not null and in_doubt_resolution = 'held'),
                   (select count(*) from sms_messages where in_doubt_count > 0 and in_doubt_resolution = 'resent'),
                   (select count(*) from sms_messages where status = 'unknown'),
                   (select count(*) from sms_messages where status = 'queued' and error_text like 'no route%')
            """;

    private final DataSource dataSource;
    private final SmsCodec codec;
    private final QuietWindow quiet;
    private final List<SmscProperties.Smsc> accounts;
    private final List<RouteAccount> routes;
    private final SourceExtensions extensions;

    /** Writes through {@code dataSource}; {@code codec} counts parts and enforces the part limit. */
    public SmsOutbox(DataSource dataSource, SmsCodec codec) {
        this(dataSource, codec, QuietWindow.NONE);
    }

    /** As above; messages of {@code quiet}'s kinds are not sent in its hours, whoever queues them. */
    public SmsOutbox(DataSource dataSource, SmsCodec codec, QuietWindow quiet) {
        this(dataSource, codec, quiet, new SmscProperties(List.of()), SourceExtensions.defaults());
    }

    /**
     * As above; a number no account of {@code smscs} takes is refused (none configured: every mobile number is
     * queued), and each message records the 106 extension of its purpose from {@code extensions} (ADR 0035).
     */
    public SmsOutbox(DataSource dataSource, SmsCodec codec, QuietWindow quiet, SmscProperties smscs,
                     SourceExtensions extensions) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.quiet = quiet;
        this.accounts = smscs.smsc();
        this.routes = smscs.smsc().stream().map(SmscProperties.Smsc::route).toList();
        this.extensions = extensions;
    }

    /** The codec that counts and checks texts. */
    public SmsCodec codec() {
        return codec;
    }

    /**
     * Queues the messages in one transaction: all or none. Messages whose key is already in the outbox are skipped,
     * as are numbers opted out of the message's kind.
     *
     * @throws InvalidSmsException naming the first bad message (index, reason); nothing is queued then
     */
    public EnqueueResult enqueue(List<OutboundSms> messages) {
        int[] segments = new int[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            segments[i] = validate(i, messages.get(i));
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Set<String> optedOut = optedOut(c, messages);
                Map<Long, String> campaignExtension = new HashMap<>();
                Map<Long, String> campaignStart = initialStatuses(c, messages, campaignExtension);
                String[] extension = new String[messages.size()];
                for (int i = 0; i < messages.size(); i++) {
                    extension[i] = extension(i, messages.get(i), campaignExtension);
                }
                int queued = 0;
                int skipped = 0;
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (int i = 0; i < messages.size(); i++) {
                        OutboundSms m = messages.get(i);
                        if (optedOut.contains(m.destination() + '/' + m.kind().code())) {
                            skipped++;
                            continue;
                        }
                        ps.setString(1, m.dedupeKey());
                        ps.setObject(2, m.campaignId());
                        ps.setString(3, m.kind().code());
                        ps.setString(4, m.destination());
                        ps.setString(5, m.text());
                        ps.setInt(6, segments[i]);
                        ps.setTimestamp(7, Timestamp.from(quiet.earliest(m.kind(), m.notBefore())));
                        ps.setString(8, m.campaignId() == null ? "queued" : campaignStart.get(m.campaignId()));
                        ps.setString(9, extension[i]);
                        ps.addBatch();
                    }
                    boolean counted = true;
                    for (int n : ps.executeBatch()) {
                        queued += Math.max(n, 0);
                        counted &= n != Statement.SUCCESS_NO_INFO;
                    }
                    if (!counted) {
                        queued = insertedNow(c, messages);
                    }
                }
                c.commit();
                if (queued >= ANALYZE_AFTER_ROWS) {
                    // else the claim sorts the whole queue per claim on counts with no queued rows (issue #5 bench)
                    OutboxAnalyze.run(c, false, queued + " queued messages");
                }
                return new EnqueueResult(queued, messages.size() - skipped - queued, skipped);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not queue " + messages.size() + " messages", e);
        }
    }

    private int validate(int index, OutboundSms m) {
        if (m.dedupeKey().isBlank() || m.dedupeKey().length() > MAX_KEY_LENGTH) {
            throw new InvalidSmsException("message " + index + ": dedupeKey length: " + m.dedupeKey().length()
                    + " (expected: 1.." + MAX_KEY_LENGTH + ")");
        }
        if (!MOBILE.matcher(m.destination()).matches()) {
            throw new InvalidSmsException("message " + index + ": destination '" + m.destination()
                    + "' is not a mobile number (expected: 11 digits starting 13-19)");
        }
        if (!routes.isEmpty() && !Routes.routable(m.destination(), routes)) {
            throw new InvalidSmsException("message " + index + ": destination '" + m.destination()
                    + "' is taken by no SMSC account (expected: a number starting with one of "
                    + routes.stream().flatMap(r -> r.prefixes().stream()).distinct().sorted().toList() + ")");
        }
        for (int i = 0; i < m.text().length(); i++) {
            char ch = m.text().charAt(i);
            // PostgreSQL text cannot hold NUL, and no handset shows control characters other than these
            if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f' || ch == 0x7f) {
                throw new InvalidSmsException("message " + index + ": text has the control character U+%04X at %d"
                        .formatted((int) ch, i));
            }
        }
        try {
            // the parts of the text as the account it will most likely go through sends it (its signature)
            SegmentCount count = codec.count(asSent(m));
            if (!count.withinLimit()) {
                throw new InvalidSmsException("message " + index + ": parts: " + count.parts() + " (expected: <= "
                        + codec.settings().maxParts() + ")");
            }
            return count.parts();
        } catch (SmsTextException e) {
            throw new InvalidSmsException("message " + index + ": " + e.getMessage());
        }
    }

    /**
     * The 106 extension {@code m} is sent with: its campaign's, else its kind's (null: none); refused when an account
     * that takes its number could not carry its code with it.
     */
    private String extension(int index, OutboundSms m, Map<Long, String> campaignExtension) {
        String ext = m.campaignId() != null && campaignExtension.containsKey(m.campaignId())
                ? campaignExtension.get(m.campaignId()) : extensions.of(m.kind());
        if (ext == null || ext.isEmpty()) {
            return null;
        }
        for (SmscProperties.Smsc a : accounts) {
            String source = a.sourceAddress() + ext;
            if (a.extendedSource() && a.route().match(m.destination()) >= 0 && source.length() > MAX_SOURCE) {
                throw new InvalidSmsException("message " + index + ": source address '" + source + "' of account "
                        + a.name() + " length: " + source.length() + " (expected: <= " + MAX_SOURCE
                        + "; a shorter extension for " + m.kind().code() + ")");
            }
        }
        return ext;
    }

    private String asSent(OutboundSms m) {
        List<String> order = Routes.candidates(m.destination(), routes);
        if (order.isEmpty()) {
            return m.text();
        }
        SmscProperties.Smsc first = accounts.stream().filter(a -> a.name().equals(order.get(0))).findFirst()
                .orElseThrow();
        return SignedText.render(m.text(), first.signature(), first.signaturePlacement());
    }

    /** With reWriteBatchedInserts the driver reports no counts: rows made by this transaction carry its now(). */
    private static int insertedNow(Connection c, List<OutboundSms> messages) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from sms_messages where dedupe_key = any (?) and created_at = now()")) {
            ps.setArray(1, c.createArrayOf("text", messages.stream().map(OutboundSms::dedupeKey).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The status each campaign's new messages start in: 'queued' while it runs, 'held' while it is paused or a draft
     * (out of the sender's due index). The campaigns are share-locked, so a pause or resume waits for this batch and
     * then moves it too.
     */
    private static Map<Long, String> initialStatuses(Connection c, List<OutboundSms> messages,
                                                     Map<Long, String> extensions) throws SQLException {
        Set<Long> ids = new HashSet<>();
        messages.forEach(m -> {
            if (m.campaignId() != null) {
                ids.add(m.campaignId());
            }
        });
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select id, status, source_extension from sms_campaigns where id = any (?) for share")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String status = rs.getString(2);
                    if (status.equals("cancelled") || status.equals("completed")) {
                        throw new InvalidSmsException("campaign " + rs.getLong(1) + " is " + status
                                + ": nothing more can be queued in it");
                    }
                    out.put(rs.getLong(1), status.equals("running") ? "queued" : "held");
                    if (rs.getString(3) != null) {
                        extensions.put(rs.getLong(1), rs.getString(3));
                    }
                }
            }
        }
        for (int i = 0; i < messages.size(); i++) {
            Long id = messages.get(i).campaignId();
            if (id != null && !out.containsKey(id)) {
                throw new InvalidSmsException("message " + i + ": no campaign " + id);
            }
        }
        return out;
    }

    private static Set<String> optedOut(Connection c, List<OutboundSms> messages) throws SQLException {
        Set<String> numbers = new HashSet<>();
        for (OutboundSms m : messages) {
            numbers.add(m.destination());
        }
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select number, kind from sms_opt_outs where number = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", new ArrayList<>(numbers).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + '/' + rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Queued messages waiting because no bound account takes their number (ADR 0035). */
    public long noRoute() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from sms_messages where status = 'queued' and error_text like 'no route%'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not count the SMS without a route", e);
        }
    }

    /** Counts what is still moving through the outbox in one round trip (a scan of a day's sent messages). */
    public OutboxBacklog backlog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(BACKLOG);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new OutboxBacklog(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), rs.getLong(8));
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not count the SMS outbox", e);
        }
    }
}
