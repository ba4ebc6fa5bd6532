package org.hotline.sms.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes {@link SmsReport}s from the outbox: a message counts in the range it was queued in; "sent" are the messages
 * the SMSC took (submitted, delivered, failed after it took them, or no receipt); the cost is the parts of those at
 * {@code hotline.sms.campaigns.price-per-part}.
 */
public final class SmsReports {

    private final JdbcTemplate jdbc;
    private final BigDecimal pricePerPart;

    /** Reports over {@code dataSource}'s outbox, parts priced at {@code pricePerPart}. */
    public SmsReports(DataSource dataSource, BigDecimal pricePerPart) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.pricePerPart = pricePerPart;
    }

    /** The messages queued in {@code [from, to)}. */
    public SmsReport report(Instant from, Instant to) {
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        List<SmsReport.Row> rows = jdbc.query("""
                select m.campaign_id, max(c.name), m.kind, count(*),
                       count(*) filter (where m.submitted_at is not null and m.status <> 'cancelled'),
                       count(*) filter (where m.status = 'delivered'), count(*) filter (where m.status = 'failed'),
                       count(*) filter (where m.status = 'unknown'),
                       count(*) filter (where m.status in ('queued', 'submitting', 'submitted')),
                       count(*) filter (where m.status = 'held'), count(*) filter (where m.status = 'cancelled'),
                       coalesce(sum(m.segments) filter (where m.submitted_at is not null
                                                        and m.status <> 'cancelled'), 0)
                from sms_messages m left join sms_campaigns c on c.id = m.campaign_id
                where m.created_at >= ? and m.created_at < ?
                group by m.campaign_id, m.kind order by m.campaign_id nulls last, m.kind""", (rs, i) -> {
            long parts = rs.getLong(12);
            Long campaign = (Long) rs.getObject(1);
            return new SmsReport.Row(campaign, rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                    parts, pricePerPart.multiply(BigDecimal.valueOf(parts)));
        }, start, end);
        Map<String, Long> failed = new LinkedHashMap<>();
        jdbc.query("""
                select coalesce(nullif(error_code, ''), '-'), count(*) from sms_messages
                where status = 'failed' and created_at >= ? and created_at < ?
                group by 1 order by count(*) desc limit 20""", rs -> {
            failed.put(rs.getString(1), rs.getLong(2));
        }, start, end);
        Map<String, Long> optOuts = new LinkedHashMap<>();
        jdbc.query("select kind, count(*) from sms_opt_outs where created_at >= ? and created_at < ?"
                + " group by kind order by kind", rs -> {
                    optOuts.put(rs.getString(1), rs.getLong(2));
                }, start, end);
        return new SmsReport(rows, failed, optOuts, pricePerPart);
    }
}
