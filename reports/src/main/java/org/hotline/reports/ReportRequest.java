package org.hotline.reports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a report covers: the days {@code from} to {@code to} (inclusive) in {@code zone}, rows per {@code interval},
 * the queues asked for (empty: all) and the service-level rule.
 */
public record ReportRequest(LocalDate from, LocalDate to, ZoneId zone, ReportInterval interval, List<String> queues,
                            ServiceLevelRule rule) {

    /** The longest range: ten years of days. */
    public static final long MAX_DAYS = 3660;
    /** The most periods one report gives per queue or agent, so any request is bounded work. */
    public static final long MAX_PERIODS = 10_000;

    /** Checks the range and the number of rows it would give. */
    public ReportRequest {
        queues = List.copyOf(queues);
        if (to.isBefore(from)) {
            throw new ReportRequestException("range: " + from + " to " + to + " (expected: from <= to)");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new ReportRequestException("range: " + days + " days (expected: <= " + MAX_DAYS + ")");
        }
        long periods = interval == ReportInterval.TOTAL ? 1 : days * 86_400 / interval.minSeconds();
        if (periods > MAX_PERIODS) {
            throw new ReportRequestException("periods: " + periods + " of " + interval.code() + " (expected: <= "
                    + MAX_PERIODS + "; choose a longer interval or a shorter range)");
        }
        for (String q : queues) {
            if (q.isBlank() || q.length() > 80) {
                throw new ReportRequestException("queue: '" + q + "' (expected: a queue name of 1..80 characters)");
            }
        }
    }

    /** Parses a request's URL values; {@code defaults} supply the zone and rule when not given. */
    public static ReportRequest parse(String from, String to, String zone, String interval, List<String> queues,
                                      String rule, ReportsProperties defaults) {
        return new ReportRequest(date("from", from), date("to", to),
                zone == null || zone.isBlank() ? defaults.zone() : zone(zone),
                ReportInterval.ofCode(interval == null || interval.isBlank() ? "day" : interval),
                queues == null ? List.of() : queues.stream().filter(q -> !q.isBlank()).toList(),
                rule == null || rule.isBlank() ? defaults.serviceLevelRule() : ServiceLevelRule.ofCode(rule));
    }

    /** The first instant covered. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant after the last one covered. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ReportRequestException(name + ": missing (expected: a date such as 2026-12-01)");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException ex) {
            throw new ReportRequestException(name + ": '" + clip(value) + "' (expected: a date such as 2026-12-01)");
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException ex) {
            throw new ReportRequestException("zone: '" + clip(value) + "' (expected: a time zone such as Asia/Shanghai)");
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
