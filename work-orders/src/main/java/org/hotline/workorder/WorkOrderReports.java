package org.hotline.workorder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes {@link WorkOrderReport}s from the orders' timelines (the points log replayed, corrections and re-routes
 * included), so the report says what the order page says. Bounded: a range with more than {@link #MAX_ORDERS}
 * orders is refused with the count.
 */
public final class WorkOrderReports {

    /** The most orders one report replays. */
    public static final int MAX_ORDERS = 20_000;

    private final JdbcTemplate jdbc;
    private final WorkOrders orders;

    /** Reports over {@code orders}' database. */
    public WorkOrderReports(DataSource dataSource, WorkOrders orders) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.orders = orders;
    }

    /** The report of the orders opened in {@code [from, to)}. */
    public WorkOrderReport report(Instant from, Instant to) {
        Integer count = jdbc.queryForObject("select count(*) from work_orders where created_at >= ? and created_at < ?",
                Integer.class, Timestamp.from(from), Timestamp.from(to));
        if (count != null && count > MAX_ORDERS) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.INVALID, "orders: " + count
                    + " in the range (expected: <= " + MAX_ORDERS + "; choose a shorter range)");
        }
        List<Long> ids = jdbc.queryForList("select id from work_orders where created_at >= ? and created_at < ?"
                + " order by id", Long.class, Timestamp.from(from), Timestamp.from(to));
        Map<String, List<Long>> durations = new LinkedHashMap<>();
        Map<String, int[]> within = new LinkedHashMap<>();
        Map<String, WorkOrderTimeline.StageTime> stageOf = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, int[]> promises = new LinkedHashMap<>();
        Map<String, long[]> lost = new LinkedHashMap<>();
        for (long id : ids) {
            WorkOrderTimeline t = orders.timeline(id);
            WorkOrderSummary o = t.order();
            labels.put(o.type(), o.typeLabel());
            for (WorkOrderTimeline.StageTime st : t.stages()) {
                String key = o.type() + "|" + st.from() + st.to();
                stageOf.putIfAbsent(key, st);
                if (st.elapsedSeconds() != null) {
                    durations.computeIfAbsent(key, k -> new ArrayList<>()).add(st.elapsedSeconds());
                    int[] w = within.computeIfAbsent(key, k -> new int[2]);
                    w[1]++;
                    w[0] += Boolean.TRUE.equals(st.withinLimit()) ? 1 : 0;
                }
                Instant past = st.endedAt() != null ? st.endedAt() : null;
                if (past != null && st.deadline() != null && past.isAfter(st.deadline())) {
                    charge(lost, st.party(), unitOf(o, st.party()), Duration.between(st.deadline(), past));
                }
            }
            for (WorkOrderTimeline.LogEntry e : t.log()) {
                if (e.lostSeconds() != null && e.lostSeconds() > 0 && e.chargedParty() != null) {
                    charge(lost, e.chargedParty(), e.chargedUnit(), Duration.ofSeconds(e.lostSeconds()));
                }
            }
            promise(id, t, promises);
        }
        List<WorkOrderReport.StageFigures> stages = new ArrayList<>();
        stageOf.forEach((key, st) -> {
            String type = key.substring(0, key.indexOf('|'));
            List<Long> d = durations.getOrDefault(key, List.of()).stream().sorted().toList();
            int[] w = within.getOrDefault(key, new int[2]);
            stages.add(new WorkOrderReport.StageFigures(type, labels.get(type), st.from(), st.to(), st.name(),
                    st.party(), d.size(), percentile(d, 50), percentile(d, 90),
                    w[1] == 0 ? null : (double) w[0] / w[1]));
        });
        List<WorkOrderReport.PromiseFigures> promiseRows = new ArrayList<>();
        promises.forEach((type, p) -> promiseRows.add(new WorkOrderReport.PromiseFigures(type, labels.get(type),
                p[0], p[1], p[2], p[0] - p[1] - p[2])));
        List<WorkOrderReport.LostTime> lostRows = new ArrayList<>();
        lost.forEach((key, v) -> {
            String[] parts = key.split("\\|", 2);
            lostRows.add(new WorkOrderReport.LostTime(Party.valueOf(parts[0]), parts[1].isEmpty() ? null : parts[1],
                    Math.round(v[0] / 60.0), (int) v[1]));
        });
        lostRows.sort((a, b) -> Long.compare(b.minutes(), a.minutes()));
        return new WorkOrderReport(ids.size(), stages, promiseRows, lostRows);
    }

    private void promise(long id, WorkOrderTimeline t, Map<String, int[]> promises) {
        Limit limit = orders.promise(id);
        List<WorkOrderTimeline.StageTime> stages = t.stages();
        if (limit == null || stages.isEmpty() || stages.get(0).startedAt() == null) {
            return;
        }
        int[] p = promises.computeIfAbsent(t.order().type(), k -> new int[3]);
        p[0]++;
        Instant deadline = orders.calendar().deadline(stages.get(0).startedAt(), limit);
        Instant last = stages.get(stages.size() - 1).endedAt();
        if (last != null) {
            p[last.isAfter(deadline) ? 2 : 1]++;
        }
    }

    private static String unitOf(WorkOrderSummary o, Party party) {
        return switch (party) {
            case HOTLINE -> "hotline";
            case REPAIR_CENTRE -> o.repairCentre();
            case TEAM -> o.team();
            case CREW -> o.crew() != null ? o.crew() : o.team();
            default -> null;
        };
    }

    private static void charge(Map<String, long[]> lost, Party party, String unit, Duration time) {
        long[] v = lost.computeIfAbsent(party + "|" + (unit == null ? "" : unit), k -> new long[2]);
        v[0] += time.toSeconds();
        v[1]++;
    }

    // nearest-rank percentile of sorted values
    private static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
