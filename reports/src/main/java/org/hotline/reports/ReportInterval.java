package org.hotline.reports;

import java.util.Locale;

/** The periods a report's rows cover: 15 minutes, an hour, a day, a week (from Monday), a month, or the whole range. */
public enum ReportInterval {
    /** 15 minutes, the rollups' own interval. */
    QUARTER_HOUR("15m", null, 900),
    /** One hour. */
    HOUR("hour", "hour", 3600),
    /** One day in the report's time zone. */
    DAY("day", "day", 86_400),
    /** One week, Monday to Sunday. */
    WEEK("week", "week", 7 * 86_400),
    /** One calendar month. */
    MONTH("month", "month", 28 * 86_400),
    /** The whole range in one row per queue or agent. */
    TOTAL("total", null, Long.MAX_VALUE);

    private final String code;
    private final String truncUnit;
    private final long minSeconds;

    ReportInterval(String code, String truncUnit, long minSeconds) {
        this.code = code;
        this.truncUnit = truncUnit;
        this.minSeconds = minSeconds;
    }

    /** The value in URLs and exports. */
    public String code() {
        return code;
    }

    /** PostgreSQL's date_trunc unit, or null for 15 minutes and the whole range. */
    public String truncUnit() {
        return truncUnit;
    }

    /** The shortest such period in seconds (to bound how many rows a range gives). */
    public long minSeconds() {
        return minSeconds;
    }

    /** The interval for a URL value. */
    public static ReportInterval ofCode(String code) {
        for (ReportInterval i : values()) {
            if (i.code.equals(code.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new ReportRequestException("interval: '" + code + "' (expected: 15m, hour, day, week, month or total)");
    }
}
