package org.hotline.sms.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.outage.AffectedCustomer;
import org.hotline.cti.outage.Outage;
import org.hotline.cti.outage.OutageKind;
import org.hotline.cti.outage.Outages;
import org.hotline.sms.campaign.QuietHours;
import org.hotline.sms.outbox.EnqueueResult;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsTemplate;
import org.hotline.sms.template.SmsTemplates;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outage notices (issue #5): for each open or recently restored outage, queues a start notice (planned: from
 * {@code starts_at - leadTime}, held by quiet hours unless that would pass the start; unplanned: at once), an
 * extension notice each time the expected end moves, and a restoration notice; dedupe key
 * {@code outage:{id}:{phase}:{customerId}}. Progress per phase is in {@code sms_outage_notices}, so a rerun, a
 * restart or a second node re-queues only an unfinished phase, and the outbox's keys drop what is already there.
 * Unplanned, extension and restoration notices are not held by quiet hours: customers without power need them now.
 */
public class OutageNotices {

    /** Template names that, when stored, replace the built-in texts. */
    public static final String PLANNED = "outage-planned";
    /** See {@link #PLANNED}. */
    public static final String UNPLANNED = "outage-unplanned";
    /** See {@link #PLANNED}. */
    public static final String EXTENDED = "outage-extended";
    /** See {@link #PLANNED}. */
    public static final String RESTORED = "outage-restored";

    private static final Map<String, String> BUILT_IN = Map.of(
            PLANNED, "尊敬的客户：因{reason}，{area}计划于{start}至{end}停电，请提前做好准备。停电编号{outageNo}。",
            UNPLANNED, "尊敬的客户：{area}因{reason}停电，抢修人员正在处理，预计{end}恢复供电。停电编号{outageNo}。",
            EXTENDED, "尊敬的客户：{area}停电（{outageNo}）预计恢复时间延至{end}，给您带来不便，敬请谅解。",
            RESTORED, "尊敬的客户：{area}已于{restored}恢复供电（{outageNo}），感谢您的理解与支持。");
    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final Outages outages;
    private final SmsOutbox outbox;
    private final SmsTemplates templates;
    private final QuietHours quietHours;
    private final Duration leadTime;
    private final Duration lookBack;
    private final Clock clock;
    private final DateTimeFormatter time;

    /**
     * Reads outages through {@code outages}, queues through {@code outbox}; planned notices go {@code leadTime}
     * before the start; outages restored within {@code lookBack} still get their restoration notice.
     */
    public OutageNotices(JdbcTemplate jdbc, Outages outages, SmsOutbox outbox, SmsTemplates templates,
                         QuietHours quietHours, Duration leadTime, Duration lookBack, Clock clock) {
        this.jdbc = jdbc;
        this.outages = outages;
        this.outbox = outbox;
        this.templates = templates;
        this.quietHours = quietHours;
        this.leadTime = leadTime;
        this.lookBack = lookBack;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("M月d日HH:mm").withZone(quietHours.zone());
    }

    private record Phase(Instant end, boolean done) {
    }

    /** Queues every notice due now; returns what each phase run did (none when nothing was due). */
    public List<NoticeRun> runOnce() {
        Instant now = clock.instant();
        List<NoticeRun> runs = new ArrayList<>();
        for (Outage o : outages.openOrRestoredSince(now.minus(lookBack))) {
            Map<String, Phase> phases = phases(o.id());
            Phase start = phases.get("start");
            if (o.restoredAt() != null) {
                // a restoration notice only follows a start notice: nobody hears "restored" of an outage unheard of
                if (start != null && !done(phases, "restored")) {
                    runs.add(queue(o, "restored", now));
                }
                continue;
            }
            if (start == null || !start.done()) {
                Instant at = startNoticeTime(o, now);
                if (at != null) {
                    runs.add(queue(o, "start", at));
                }
                continue;
            }
            int last = 0;
            for (String p : phases.keySet()) {
                if (p.startsWith("extended-")) {
                    last = Math.max(last, Integer.parseInt(p.substring(9)));
                }
            }
            Phase latest = last == 0 ? start : phases.get("extended-" + last);
            if (!latest.done()) {
                runs.add(queue(o, "extended-" + last, now));
            } else if (!latest.end().equals(o.expectedEndAt())) {
                runs.add(queue(o, "extended-" + (last + 1), now));
            }
        }
        return runs;
    }

    /** When the start notice may go: null while a planned outage is further off than the lead time. */
    private Instant startNoticeTime(Outage o, Instant now) {
        if (o.kind() == OutageKind.UNPLANNED) {
            return now;
        }
        if (now.isBefore(o.startsAt().minus(leadTime))) {
            return null;
        }
        Instant allowed = quietHours.nextAllowed(now);
        return allowed.isBefore(o.startsAt()) ? allowed : now;
    }

    private static boolean done(Map<String, Phase> phases, String phase) {
        Phase p = phases.get(phase);
        return p != null && p.done();
    }

    private Map<String, Phase> phases(long outageId) {
        Map<String, Phase> phases = new HashMap<>();
        jdbc.query("select phase, expected_end_at, done_at from sms_outage_notices where outage_id = ?", rs -> {
            phases.put(rs.getString(1), new Phase(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3) != null));
        }, outageId);
        return phases;
    }

    /**
     * Queues one phase's notice to every customer beneath the outage, in chunks of {@value #CHUNK}, and marks the
     * phase done; safe to call again (nothing is queued twice). The bench calls this for 100,000 customers.
     */
    public NoticeRun queue(Outage o, String phase, Instant notBefore) {
        jdbc.update("insert into sms_outage_notices (outage_id, phase, expected_end_at) values (?, ?, ?) "
                + "on conflict (outage_id, phase) do nothing", o.id(), phase, Timestamp.from(o.expectedEndAt()));
        SmsTemplate template = template(phase.equals("start")
                ? (o.kind() == OutageKind.PLANNED ? PLANNED : UNPLANNED)
                : phase.equals("restored") ? RESTORED : EXTENDED);
        Map<String, String> fields = new HashMap<>();
        fields.put("area", o.areaName() != null ? o.areaName() : o.lineName());
        fields.put("line", o.lineName());
        fields.put("reason", o.reason());
        fields.put("outageNo", o.outageNo());
        fields.put("start", time.format(o.startsAt()));
        fields.put("end", time.format(o.expectedEndAt()));
        fields.put("restored", o.restoredAt() == null ? "" : time.format(o.restoredAt()));
        // one text for everyone unless the template names the customer: rendered once, not 100,000 times
        boolean personal = template.fields().contains("name") || template.fields().contains("customerNo");
        String shared = personal ? null : templates.render(template, fields);
        List<OutboundSms> chunk = new ArrayList<>(CHUNK);
        int[] t = new int[5];
        outages.forEachAffectedCustomer(o.id(), c -> {
            t[0]++;
            if (c.mobile() == null) {
                t[1]++;
                return;
            }
            chunk.add(new OutboundSms("outage:" + o.id() + ':' + phase + ':' + c.customerId(), c.mobile(),
                    personal ? personal(template, fields, c) : shared, SmsKind.OUTAGE, null, notBefore));
            if (chunk.size() == CHUNK) {
                flush(chunk, t);
            }
        });
        flush(chunk, t);
        jdbc.update("update sms_outage_notices set done_at = now(), queued = queued + ? "
                + "where outage_id = ? and phase = ?", t[2], o.id(), phase);
        return new NoticeRun(o.id(), phase, t[0], t[1], t[2], t[3], t[4]);
    }

    private String personal(SmsTemplate template, Map<String, String> fields, AffectedCustomer c) {
        Map<String, String> mine = new HashMap<>(fields);
        mine.put("name", c.name());
        mine.put("customerNo", c.customerNo());
        return templates.render(template, mine);
    }

    private void flush(List<OutboundSms> chunk, int[] t) {
        if (chunk.isEmpty()) {
            return;
        }
        EnqueueResult r = outbox.enqueue(chunk);
        t[2] += r.queued();
        t[3] += r.duplicates();
        t[4] += r.optedOut();
        chunk.clear();
    }

    private SmsTemplate template(String name) {
        return templates.find(name).orElseGet(() -> new SmsTemplate(null, name, SmsKind.OUTAGE, BUILT_IN.get(name),
                "system", Instant.EPOCH));
    }

    /** The zone notice times are written in. */
    public ZoneId zone() {
        return quietHours.zone();
    }
}
