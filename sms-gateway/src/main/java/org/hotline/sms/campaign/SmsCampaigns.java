package org.hotline.sms.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.sms.arrears.ReminderRule;
import org.hotline.sms.arrears.ReminderTarget;
import org.hotline.sms.arrears.ReminderTargets;
import org.hotline.sms.campaign.internal.CsvCells;
import org.hotline.sms.outbox.EnqueueResult;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsPreview;
import org.hotline.sms.template.SmsTemplate;
import org.hotline.sms.template.SmsTemplates;
import org.hotline.sms.template.TemplateException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminder campaigns (arrears, IC-card low balance): preview, create, pause / resume / cancel, and their messages.
 * A campaign is created <b>paused</b>: its messages are written at once as 'held' (so its page shows exactly who is
 * targeted) and the sender takes none until a supervisor resumes it, which makes them 'queued'.
 */
public class SmsCampaigns {

    /** Statuses shown on the page, in the progress bar's order. */
    public static final List<String> STATUSES =
            List.of("queued", "held", "submitting", "submitted", "delivered", "failed", "cancelled");
    private static final Set<String> ARREARS_FIELDS = Set.of("name", "customerNo", "accountNo", "period", "amount",
            "dueDate", "daysOverdue");
    private static final Set<String> IC_CARD_FIELDS = Set.of("name", "customerNo", "accountNo", "meterNo", "balance");
    private static final int CHUNK = 2000;

    private final JdbcTemplate jdbc;
    private final SmsOutbox outbox;
    private final SmsTemplates templates;
    private final ReminderTargets targets;
    private final QuietHours quietHours;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final TransactionTemplate transactions;

    /** Works through {@code jdbc} and {@code outbox}; reminders never arrive in {@code quietHours}. */
    public SmsCampaigns(JdbcTemplate jdbc, SmsOutbox outbox, SmsTemplates templates, ReminderTargets targets,
                        QuietHours quietHours, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(
                Objects.requireNonNull(jdbc.getDataSource(), "jdbc.dataSource")));
        this.outbox = outbox;
        this.templates = templates;
        this.targets = targets;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    /**
     * What {@link #createReminders} would queue now, without queueing anything: the messages and parts to pay for
     * leave out numbers opted out of the kind and targets already sent (their dedupe key is in the outbox).
     */
    public CampaignPreview preview(ReminderRule rule, String templateName) {
        SmsTemplate template = template(rule, templateName);
        int[] totals = new int[2];
        String[] sample = new String[1];
        List<ReminderTarget> chunk = new ArrayList<>(CHUNK);
        List<Integer> parts = new ArrayList<>(CHUNK);
        java.util.Set<String> keys = new java.util.HashSet<>();
        ReminderTargets.Counts counts = targets.select(rule, t -> {
            String text = templates.render(template, t.fields());
            if (!keys.add(t.dedupeKey())) {
                return; // the same account twice in the data: one message
            }
            chunk.add(t);
            parts.add(templates.preview(text).parts());
            if (sample[0] == null) {
                sample[0] = text;
            }
            if (chunk.size() == CHUNK) {
                countPayable(template, chunk, parts, totals);
            }
        });
        countPayable(template, chunk, parts, totals);
        BigDecimal cost = templates.rules().pricePerPart().multiply(BigDecimal.valueOf(totals[1]));
        return new CampaignPreview(counts.matched(), counts.withoutMobile(), totals[0], totals[1], cost, sample[0]);
    }

    /**
     * Creates a paused campaign and queues one message per target (dedupe key per account, period and step, so a
     * second campaign over the same data queues nothing new); sends are held to the end of quiet hours.
     */
    public CampaignSummary createReminders(String name, ReminderRule rule, String templateName, String user) {
        return createReminders(name, rule, templateName, user, null);
    }

    /**
     * As above, the campaign's messages sent with its own 106 extension {@code sourceExtension} (null: their kind's),
     * so replies to it belong to this campaign (ADR 0035).
     */
    public CampaignSummary createReminders(String name, ReminderRule rule, String templateName, String user,
                                           String sourceExtension) {
        SmsTemplate template = template(rule, templateName);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("campaign name: 1-200 characters");
        }
        Long id = jdbc.queryForObject("""
                insert into sms_campaigns (name, kind, status, created_by, template_id, rule, source_extension)
                values (?, ?, 'paused', ?, ?, ?::jsonb, ?) returning id""", Long.class, name.strip(),
                template.kind().code(), user, template.id(), ruleJson(rule), sourceExtension);
        Instant notBefore = quietHours.nextAllowed(clock.instant());
        List<OutboundSms> chunk = new ArrayList<>(CHUNK);
        int[] totals = new int[5];
        ReminderTargets.Counts counts = targets.select(rule, t -> {
            String text = templates.render(template, t.fields());
            chunk.add(new OutboundSms(t.dedupeKey(), t.mobile(), text, template.kind(), id, notBefore));
            totals[4] += templates.preview(text).parts();
            if (chunk.size() == CHUNK) {
                flush(chunk, totals);
            }
        });
        flush(chunk, totals);
        // the cost counts what was queued: not the numbers opted out, not the targets sent before or twice
        Integer queuedParts = jdbc.queryForObject(
                "select coalesce(sum(segments), 0)::int from sms_messages where campaign_id = ?", Integer.class, id);
        totals[4] = queuedParts == null ? 0 : queuedParts;
        jdbc.update("""
                update sms_campaigns set targeted = ?, without_mobile = ?, opted_out = ?, duplicates = ?, segments = ?,
                    updated_at = now() where id = ?""", counts.matched(), counts.withoutMobile(), totals[1],
                totals[2], totals[4], id);
        return find(id).orElseThrow();
    }

    /** Adds the messages and parts of {@code chunk} that would really be queued, then empties it. */
    private void countPayable(SmsTemplate template, List<ReminderTarget> chunk, List<Integer> parts, int[] totals) {
        if (chunk.isEmpty()) {
            return;
        }
        java.util.Set<String> optedOut = new java.util.HashSet<>(jdbc.queryForList(
                "select number from sms_opt_outs where kind = ? and number = any (?)", String.class,
                template.kind().code(), chunk.stream().map(ReminderTarget::mobile).toArray(String[]::new)));
        java.util.Set<String> sent = new java.util.HashSet<>(jdbc.queryForList(
                "select dedupe_key from sms_messages where dedupe_key = any (?)", String.class,
                (Object) chunk.stream().map(ReminderTarget::dedupeKey).toArray(String[]::new)));
        for (int i = 0; i < chunk.size(); i++) {
            ReminderTarget t = chunk.get(i);
            if (!optedOut.contains(t.mobile()) && !sent.contains(t.dedupeKey())) {
                totals[0]++;
                totals[1] += parts.get(i);
            }
        }
        chunk.clear();
        parts.clear();
    }

    private void flush(List<OutboundSms> chunk, int[] totals) {
        if (chunk.isEmpty()) {
            return;
        }
        EnqueueResult r = outbox.enqueue(chunk);
        totals[0] += r.queued();
        totals[1] += r.optedOut();
        totals[2] += r.duplicates();
        chunk.clear();
    }

    private SmsTemplate template(ReminderRule rule, String templateName) {
        SmsTemplate template = templates.find(templateName == null ? "" : templateName)
                .orElseThrow(() -> new TemplateException("no template named '" + templateName + "'"));
        Set<String> missing = new TreeSet<>(template.fields());
        missing.removeAll(rule.type() == ReminderRule.Type.ARREARS ? ARREARS_FIELDS : IC_CARD_FIELDS);
        if (!missing.isEmpty()) {
            throw new TemplateException("template '" + templateName + "' uses field(s) " + missing + " that a "
                    + rule.type() + " reminder does not have");
        }
        return template;
    }

    private String ruleJson(ReminderRule rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the sender take the campaign's messages (from paused): held become queued. */
    public CampaignSummary resume(long id) {
        return change(id, "running", Set.of("paused", "draft"),
                "update sms_messages set status = 'queued' where campaign_id = ? and status = 'held'");
    }

    /** Holds the campaign's queued messages (from running), out of the sender's due index. */
    public CampaignSummary pause(long id) {
        return change(id, "paused", Set.of("running"),
                "update sms_messages set status = 'held' where campaign_id = ? and status = 'queued'");
    }

    /** Ends the campaign: its queued and held messages become cancelled; those already with the SMSC go on. */
    public CampaignSummary cancel(long id) {
        return change(id, "cancelled", Set.of("running", "paused", "draft"), "update sms_messages set status = "
                + "'cancelled', finished_at = now() where campaign_id = ? and status in ('queued', 'held')");
    }

    // one transaction: the campaign row's lock orders a pause, a resume and an enqueue into the campaign (which
    // share-locks it), so no message is left held in a running campaign or queued in a paused one
    private CampaignSummary change(long id, String to, Set<String> from, String moveMessages) {
        return transactions.execute(tx -> {
            int n = jdbc.update("update sms_campaigns set status = ?, updated_at = now() where id = ? "
                    + "and status = any (?)", ps -> {
                ps.setString(1, to);
                ps.setLong(2, id);
                ps.setArray(3, ps.getConnection().createArrayOf("text", from.toArray()));
            });
            if (n == 0) {
                CampaignSummary s = find(id).orElseThrow(() -> new NoSuchElementException("no campaign " + id));
                throw new CampaignStateException("campaign " + id + " is " + s.status() + ": cannot become " + to);
            }
            jdbc.update(moveMessages, id);
            return find(id).orElseThrow();
        });
    }

    /** Campaigns, newest first (at most {@code limit}). */
    public List<CampaignSummary> list(int limit) {
        List<Long> ids = jdbc.queryForList("select id from sms_campaigns order by id desc limit ?", Long.class,
                limit);
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The campaign with its message counts, if any; running with nothing left to send reads as completed. */
    public Optional<CampaignSummary> find(long id) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0));
        jdbc.query("select status, count(*) from sms_messages where campaign_id = ? group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, id);
        boolean done = counts.get("queued") == 0 && counts.get("held") == 0 && counts.get("submitting") == 0;
        return jdbc.query("""
                select c.id, c.name, c.kind, c.status, c.created_by, c.created_at, t.name, c.rule::text, c.targeted,
                       c.without_mobile, c.opted_out, c.duplicates, c.segments
                  from sms_campaigns c left join sms_templates t on t.id = c.template_id where c.id = ?""",
                (rs, n) -> new CampaignSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                        done && rs.getString(4).equals("running") ? "completed" : rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getInt(9),
                        rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), counts), id)
                .stream().findFirst();
    }

    /** One page of the campaign's messages by id, optionally only those in {@code status}. */
    public List<CampaignMessage> messages(long id, String status, int offset, int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status '" + status + "' (expected one of " + STATUSES + ")");
        }
        return jdbc.query("""
                select id, destination, status, segments, attempts, not_before, submitted_at, finished_at,
                       error_code, error_text, body
                  from sms_messages where campaign_id = ? and (?::text is null or status = ?)
                 order by id offset ? limit ?""", (rs, n) -> new CampaignMessage(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getInt(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), rs.getString(9), rs.getString(10), rs.getString(11)),
                id, status, status, offset, limit);
    }

    /** Writes every message of the campaign as CSV, row by row from a cursor (no whole list in memory). */
    public void exportCsv(long id, Writer out) throws IOException {
        out.write("\uFEFFid,destination,status,segments,attempts,not_before,submitted_at,finished_at,error_code,"
                + "error_text,body\r\n");
        IOException[] failure = new IOException[1];
        jdbc.query(c -> {
            c.setAutoCommit(false);
            var ps = c.prepareStatement("""
                    select id, destination, status, segments, attempts, not_before, submitted_at, finished_at,
                           error_code, error_text, body from sms_messages where campaign_id = ? order by id""");
            ps.setFetchSize(1000);
            ps.setLong(1, id);
            return ps;
        }, rs -> {
            if (failure[0] != null) {
                return;
            }
            try {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= 11; i++) {
                    Object v = rs.getObject(i);
                    cells.add(v instanceof Timestamp t ? t.toInstant().toString() : v == null ? "" : v.toString());
                }
                out.write(CsvCells.row(cells));
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        out.flush();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Parts of one finished text (for the API's answer and the page's preview). */
    public SmsPreview previewText(String text) {
        return templates.preview(text);
    }
}
