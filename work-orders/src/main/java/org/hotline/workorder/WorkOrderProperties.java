package org.hotline.workorder;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of work orders ({@code hotline.work-orders.*}): the order types with their stages, limits and
 * responsible parties, the business calendar, and the timers. Bad values refuse the start with a message naming
 * the setting ({@link #orderTypes()}, {@link #businessCalendar()}).
 *
 * @param types    order types by code; a code set here replaces the built-in type of that code, the others stay
 * @param calendar working days and hours
 * @param timers   warnings, alarms, acceptance and escalation
 * @param revisits which types get a revisit (回访) after "done", and how many calls before giving up
 */
@ConfigurationProperties("hotline.work-orders")
public record WorkOrderProperties(Map<String, TypeSettings> types, CalendarSettings calendar, TimerSettings timers,
                                  RevisitSettings revisits) {

    private static final String PREFIX = "hotline.work-orders.";

    /** Fills in the defaults and merges the configured types over the built-in ones. */
    @ConstructorBinding
    public WorkOrderProperties {
        Map<String, TypeSettings> merged = new LinkedHashMap<>(defaultTypes());
        if (types != null) {
            merged.putAll(types);
        }
        types = Map.copyOf(merged);
        calendar = calendar == null ? new CalendarSettings(null, null, null, null, null, null) : calendar;
        timers = timers == null ? new TimerSettings(null, null, null, null, null, null, null, null) : timers;
        revisits = revisits == null ? new RevisitSettings(null, null, null) : revisits;
    }

    /** Types, calendar and timers; revisits by default. */
    public WorkOrderProperties(Map<String, TypeSettings> types, CalendarSettings calendar, TimerSettings timers) {
        this(types, calendar, timers, null);
    }

    /** All defaults. */
    public static WorkOrderProperties defaults() {
        return new WorkOrderProperties(null, null, null, null);
    }

    /**
     * Revisits (回访): after "done" the hotline calls the customer back; the order closes after a satisfied or
     * neutral answer or after {@code maxAttempts} calls that did not reach the customer, and reopens on a
     * dissatisfied one. Orders of other types close when they are done.
     *
     * @param types       type codes that get a revisit (repair and complaint: the customer felt the fault or
     *                    complained; the business requests end with a visit or a letter)
     * @param maxAttempts calls without reaching the customer before the order closes as unreachable (3)
     * @param sweepEvery  how often done orders are checked for a missing revisit (a crash between "done" and the
     *                    revisit's row, or a failed listener), besides once at start (1m; 5s to 1h)
     */
    public record RevisitSettings(List<String> types, Integer maxAttempts, Duration sweepEvery) {

        /** Fills in the defaults and checks the values. */
        public RevisitSettings {
            types = types == null ? List.of("repair", "complaint") : List.copyOf(types);
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            sweepEvery = sweepEvery == null ? Duration.ofMinutes(1) : sweepEvery;
            if (sweepEvery.compareTo(Duration.ofSeconds(5)) < 0 || sweepEvery.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException(PREFIX + "revisits.sweep-every: " + sweepEvery
                        + " (expected: 5s to 1h)");
            }
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException(PREFIX + "revisits.max-attempts: " + maxAttempts
                        + " (expected: 1 to 10)");
            }
        }
    }

    /**
     * The codes of the types that get a revisit.
     *
     * @throws IllegalArgumentException naming the setting for a code that is no configured type
     */
    public Set<String> revisitTypes() {
        Set<String> out = new LinkedHashSet<>();
        for (String code : revisits.types()) {
            String c = code == null ? "" : code.strip();
            if (!types.containsKey(c)) {
                throw new IllegalArgumentException(PREFIX + "revisits.types: '" + code + "' (expected: one of "
                        + types.keySet().stream().sorted().toList() + ")");
            }
            out.add(c);
        }
        return Set.copyOf(out);
    }

    /** The timer kinds that also go by SMS to the responsible unit's managers. */
    public static final Set<String> SMS_KINDS = Set.of("warning", "alarm", "promise_warning", "promise_alarm");

    /**
     * The timer kinds each type also sends by SMS to the responsible unit's managers (types without any are left
     * out); the escalation's SMS is always sent and needs no entry.
     *
     * @throws IllegalArgumentException naming the setting for an unknown kind
     */
    public Map<String, Set<String>> smsKinds() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, TypeSettings> e : types.entrySet()) {
            List<String> kinds = e.getValue().smsKinds() == null ? List.of() : e.getValue().smsKinds();
            Set<String> set = new LinkedHashSet<>();
            for (String k : kinds) {
                String kind = k == null ? "" : k.strip().toLowerCase(Locale.ROOT).replace('-', '_');
                if (!SMS_KINDS.contains(kind)) {
                    throw new IllegalArgumentException(PREFIX + "types." + e.getKey() + ".sms-kinds: '" + k
                            + "' (expected: some of " + SMS_KINDS.stream().sorted().toList() + ")");
                }
                set.add(kind);
            }
            if (!set.isEmpty()) {
                out.put(e.getKey(), Set.copyOf(set));
            }
        }
        return Map.copyOf(out);
    }

    /**
     * One order type.
     *
     * @param label        what users read (报修)
     * @param start        what point A is
     * @param stages       the stages in order from A; stage n ends at point n+1 (B, C, …)
     * @param promise      the limit from A to the last point, empty for none (45m for a repair)
     * @param acceptFrom   the point handing the order to a receiver who must accept it (D for a repair), empty for none
     * @param acceptPoint  the acceptance point (F for a repair)
     * @param smsKinds     timer kinds that also go by SMS to the responsible unit's managers (warning, alarm,
     *                     promise_warning, promise_alarm; none by default — the water company's two-level
     *                     reminders are {@code [warning, alarm]}), with the escalation's quiet hours and cut-off
     */
    public record TypeSettings(String label, String start, List<StageSettings> stages, String promise,
                               String acceptFrom, String acceptPoint, List<String> smsKinds) {

        /** The bound constructor (the one Spring fills from the settings). */
        @ConstructorBinding
        public TypeSettings {
        }

        /** A type without stage SMS. */
        public TypeSettings(String label, String start, List<StageSettings> stages, String promise, String acceptFrom,
                            String acceptPoint) {
            this(label, start, stages, promise, acceptFrom, acceptPoint, null);
        }
    }

    /**
     * One stage.
     *
     * @param name           what happens at its end point
     * @param party          who answers for its time
     * @param limit          {@code 2m}, {@code 4h} or {@code 5wd}
     * @param limitElsewhere the limit when the team is not at the sender's site (D→E of a repair), empty for none
     */
    public record StageSettings(String name, Party party, String limit, String limitElsewhere) {
    }

    /**
     * The business calendar.
     *
     * @param zone        whose days and hours (Asia/Shanghai)
     * @param workStart   opening time (08:30)
     * @param workEnd     closing time (17:30)
     * @param weekend     days off every week (SATURDAY, SUNDAY)
     * @param holidays    further days off, ISO dates (none by default: list the company's public holidays)
     * @param workingDays weekend days that are worked (调休), ISO dates
     */
    public record CalendarSettings(String zone, String workStart, String workEnd, List<String> weekend,
                                   List<String> holidays, List<String> workingDays) {
    }

    /**
     * The timers.
     *
     * @param pollInterval         how often a node claims due timers (200ms; at most 250ms keeps alarms within 1 s)
     * @param warningRatio         the warning fires at this share of a stage's limit (0.75)
     * @param acceptanceAlarmAfter not accepted this long after being handed over: alarm the sender (4m)
     * @param escalationAfter      still not accepted this long after: SMS the receiving unit's two managers (10m)
     * @param repeatInterval       an unacknowledged alarm repeats this often (2m)
     * @param lateAfter            a timer fired this long after its due time is marked late (5s)
     * @param smsCutoff            a timer fired this long after its due time sends no SMS (15m): stale after a downtime
     * @param claimBatch           timers claimed in one transaction (100)
     */
    public record TimerSettings(Duration pollInterval, Double warningRatio, Duration acceptanceAlarmAfter,
                                Duration escalationAfter, Duration repeatInterval, Duration lateAfter,
                                Duration smsCutoff, Integer claimBatch) {

        /** Fills in the defaults and checks the values. */
        public TimerSettings {
            pollInterval = positive(pollInterval, Duration.ofMillis(200), "timers.poll-interval");
            if (pollInterval.compareTo(Duration.ofMillis(250)) > 0) {
                throw new IllegalArgumentException(PREFIX + "timers.poll-interval: " + pollInterval
                        + " (expected: at most 250ms, so alarms reach the desktop within 1 s of their deadline)");
            }
            warningRatio = warningRatio == null ? 0.75 : warningRatio;
            if (!(warningRatio > 0 && warningRatio < 1)) {
                throw new IllegalArgumentException(PREFIX + "timers.warning-ratio: " + warningRatio
                        + " (expected: between 0 and 1, exclusive)");
            }
            acceptanceAlarmAfter = positive(acceptanceAlarmAfter, Duration.ofMinutes(4), "timers.acceptance-alarm-after");
            escalationAfter = positive(escalationAfter, Duration.ofMinutes(10), "timers.escalation-after");
            if (escalationAfter.compareTo(acceptanceAlarmAfter) <= 0) {
                throw new IllegalArgumentException(PREFIX + "timers.escalation-after: " + escalationAfter
                        + " (expected: after timers.acceptance-alarm-after " + acceptanceAlarmAfter + ")");
            }
            repeatInterval = positive(repeatInterval, Duration.ofMinutes(2), "timers.repeat-interval");
            lateAfter = positive(lateAfter, Duration.ofSeconds(5), "timers.late-after");
            smsCutoff = positive(smsCutoff, Duration.ofMinutes(15), "timers.sms-cutoff");
            claimBatch = claimBatch == null ? 100 : claimBatch;
            if (claimBatch < 1) {
                throw new IllegalArgumentException(PREFIX + "timers.claim-batch: " + claimBatch + " (expected: >= 1)");
            }
        }

        private static Duration positive(Duration value, Duration fallback, String name) {
            Duration d = value == null ? fallback : value;
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(PREFIX + name + ": " + d + " (expected: more than zero)");
            }
            return d;
        }
    }

    /**
     * The validated order types by code.
     *
     * @throws IllegalArgumentException naming the setting: a zero or negative limit, an unknown unit or party,
     *                                  no stages, too many stages, a bad accept point
     */
    public Map<String, OrderType> orderTypes() {
        Map<String, OrderType> out = new LinkedHashMap<>();
        for (String code : types.keySet().stream().sorted().toList()) {
            String at = PREFIX + "types." + code;
            if (!code.matches("^[a-z][a-z0-9_-]{0,31}$")) {
                throw new IllegalArgumentException(at + ": bad type code (expected: lower-case letters, digits, _)");
            }
            TypeSettings t = types.get(code);
            List<StageSettings> stages = t.stages() == null ? List.of() : t.stages();
            if (stages.isEmpty() || stages.size() >= Point.values().length) {
                throw new IllegalArgumentException(at + ".stages: " + stages.size() + " stages (expected: 1 to "
                        + (Point.values().length - 1) + ")");
            }
            List<Stage> parsed = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                StageSettings s = stages.get(i);
                String sat = at + ".stages[" + i + "]";
                if (s.name() == null || s.name().isBlank()) {
                    throw new IllegalArgumentException(sat + ".name: empty (expected: what happens at point "
                            + Point.values()[i + 1] + ")");
                }
                if (s.party() == null) {
                    throw new IllegalArgumentException(sat + ".party: empty (expected: one of "
                            + List.of(Party.values()) + ")");
                }
                Limit limit = Limit.parse(s.limit(), sat + ".limit");
                Limit elsewhere = blank(s.limitElsewhere()) ? null : Limit.parse(s.limitElsewhere(),
                        sat + ".limit-elsewhere");
                parsed.add(new Stage(Point.values()[i], Point.values()[i + 1], s.name().strip(), s.party(), limit,
                        elsewhere));
            }
            Limit promise = blank(t.promise()) ? null : Limit.parse(t.promise(), at + ".promise");
            Point acceptFrom = blank(t.acceptFrom()) ? null : point(t.acceptFrom(), at + ".accept-from");
            Point acceptPoint = blank(t.acceptPoint()) ? null : point(t.acceptPoint(), at + ".accept-point");
            if ((acceptFrom == null) != (acceptPoint == null)
                    || acceptFrom != null && acceptPoint.ordinal() <= acceptFrom.ordinal()) {
                throw new IllegalArgumentException(at + ".accept-from/accept-point: " + acceptFrom + "/" + acceptPoint
                        + " (expected: both empty, or the acceptance point after the hand-over point)");
            }
            Point last = parsed.get(parsed.size() - 1).to();
            if (acceptPoint != null && acceptPoint.ordinal() > last.ordinal()) {
                throw new IllegalArgumentException(at + ".accept-point: " + acceptPoint + " (expected: A to " + last + ")");
            }
            String label = blank(t.label()) ? code : t.label().strip();
            String start = blank(t.start()) ? "A" : t.start().strip();
            out.put(code, new OrderType(code, label, start, parsed, promise, acceptFrom, acceptPoint));
        }
        return out;
    }

    /**
     * The validated business calendar.
     *
     * @throws IllegalArgumentException naming the setting for an unknown zone, a bad time, day or date
     */
    public BusinessCalendar businessCalendar() {
        CalendarSettings c = calendar;
        String at = PREFIX + "calendar.";
        ZoneId zone;
        try {
            zone = ZoneId.of(blank(c.zone()) ? "Asia/Shanghai" : c.zone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(at + "zone: '" + c.zone() + "' (expected: a zone such as Asia/Shanghai)");
        }
        LocalTime start = time(c.workStart(), "08:30", at + "work-start");
        LocalTime end = time(c.workEnd(), "17:30", at + "work-end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(at + "work-end: " + end + " (expected: after work-start " + start + ")");
        }
        Set<DayOfWeek> weekend = new LinkedHashSet<>();
        for (String d : c.weekend() == null ? List.of("SATURDAY", "SUNDAY") : c.weekend()) {
            try {
                weekend.add(DayOfWeek.valueOf(d.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "weekend: '" + d + "' (expected: MONDAY … SUNDAY)");
            }
        }
        if (weekend.size() == 7) {
            throw new IllegalArgumentException(at + "weekend: every day (expected: at least one working day a week)");
        }
        return new BusinessCalendar(zone, start, end, weekend, dates(c.holidays(), at + "holidays"),
                dates(c.workingDays(), at + "working-days"));
    }

    private static Set<LocalDate> dates(List<String> values, String setting) {
        Set<LocalDate> out = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            try {
                out.add(LocalDate.parse(v.strip()));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(setting + ": '" + v + "' (expected: a date such as 2026-10-01)");
            }
        }
        return out;
    }

    private static LocalTime time(String value, String fallback, String setting) {
        try {
            return LocalTime.parse(blank(value) ? fallback : value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(setting + ": '" + value + "' (expected: a time such as 08:30)");
        }
    }

    private static Point point(String value, String setting) {
        try {
            return Point.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": '" + value + "' (expected: a point letter A to L)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static StageSettings st(String name, Party party, String limit) {
        return new StageSettings(name, party, limit, null);
    }

    // the built-in types: the 95598 repair clock of the brief and the business requests with typical limits
    private static Map<String, TypeSettings> defaultTypes() {
        Map<String, TypeSettings> t = new LinkedHashMap<>();
        t.put("repair", new TypeSettings("报修 fault repair", "客户挂机 customer hangs up", List.of(
                st("热线派单 hotline dispatches", Party.HOTLINE, "2m"),
                st("到达抢修中心 arrives at the repair centre", Party.NETWORK, "4m"),
                st("抢修中心派单 repair centre dispatches", Party.REPAIR_CENTRE, "2m"),
                new StageSettings("到达班组 arrives at the team", Party.NETWORK, "2m", "4m"),
                st("班组接单 team accepts", Party.TEAM, "2m"),
                st("抢修人员出发 crew departs", Party.CREW, "3m"),
                st("到达现场 crew on site", Party.CREW, "28m")), "45m", "D", "F"));
        t.put("connection", new TypeSettings("报装 new connection", "申请受理 application", List.of(
                st("现场勘查 survey", Party.SERVICE_CENTRE, "3wd"),
                st("缴费 fee paid", Party.CUSTOMER, "10wd"),
                st("设计 design", Party.DESIGN, "5wd"),
                st("施工 construction", Party.CONSTRUCTION, "15wd"),
                st("竣工验收 acceptance", Party.SERVICE_CENTRE, "3wd"),
                st("装表接电 connection", Party.METERING, "3wd"),
                st("归档 filing", Party.SERVICE_CENTRE, "2wd")), null, null, null));
        t.put("ownership_transfer", new TypeSettings("过户 ownership transfer", "申请受理 application", List.of(
                st("资料审核 documents checked", Party.SERVICE_CENTRE, "1wd"),
                st("抄表结算 final meter reading", Party.METERING, "2wd"),
                st("变更户名 account changed", Party.SERVICE_CENTRE, "1wd"),
                st("归档 filing", Party.SERVICE_CENTRE, "1wd")), "5wd", null, null));
        t.put("equipment", new TypeSettings("添装/移改/拆除 add, move or remove equipment", "申请受理 application",
                List.of(st("现场勘查 survey", Party.SERVICE_CENTRE, "3wd"),
                        st("缴费 fee paid", Party.CUSTOMER, "5wd"),
                        st("施工完成 work done", Party.CONSTRUCTION, "5wd"),
                        st("归档 filing", Party.SERVICE_CENTRE, "2wd")), null, null, null));
        t.put("suspend_resume", new TypeSettings("报停/启用 suspend or resume supply", "申请受理 application", List.of(
                st("审批 approved", Party.SERVICE_CENTRE, "1wd"),
                st("封表/启封 meter sealed or unsealed", Party.METERING, "3wd"),
                st("归档 filing", Party.SERVICE_CENTRE, "1wd")), "5wd", null, null));
        t.put("meter_card", new TypeSettings("补卡/换卡 meter and IC card", "申请受理 application", List.of(
                st("制卡 card issued", Party.SERVICE_CENTRE, "4h"),
                st("写卡核表 card written and meter checked", Party.METERING, "2wd"),
                st("归档 filing", Party.SERVICE_CENTRE, "1wd")), null, null, null));
        t.put("safety_inspection", new TypeSettings("安检 safety inspection", "申请受理 request", List.of(
                st("预约 appointment made", Party.SERVICE_CENTRE, "2wd"),
                st("上门安检 inspected", Party.INSPECTION, "5wd"),
                st("报告归档 report filed", Party.INSPECTION, "2wd")), null, null, null));
        t.put("complaint", new TypeSettings("投诉 complaint", "受理 received", List.of(
                st("派发 assigned", Party.HOTLINE, "2h"),
                st("处理 handled", Party.SERVICE_CENTRE, "4wd"),
                st("答复客户 customer answered", Party.SERVICE_CENTRE, "1wd"),
                st("回访 revisit", Party.HOTLINE, "2wd")), "8wd", null, null));
        t.put("enquiry_followup", new TypeSettings("咨询回复 enquiry follow-up", "受理 received", List.of(
                st("派发 assigned", Party.HOTLINE, "1h"),
                st("答复 answered", Party.SERVICE_CENTRE, "1wd"),
                st("告知客户 customer told", Party.HOTLINE, "4h")), null, null, null));
        t.put("other", new TypeSettings("其他 other", "受理 received", List.of(
                st("办结 done", Party.SERVICE_CENTRE, "5wd")), null, null, null));
        return t;
    }
}
