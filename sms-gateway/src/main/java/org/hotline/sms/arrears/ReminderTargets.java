package org.hotline.sms.arrears;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Selects the customers a {@link ReminderRule} targets: one row per account and period (arrears) or per meter
 * (IC-card), with the customer's SMS-allowed mobile (the primary one first), or none.
 */
public class ReminderTargets {

    private static final String ARREARS = """
            select a.account_no, ar.billing_period, ar.amount, ar.due_date, ar.days_overdue,
                   c.id, c.name, c.customer_no, m.normalized
              from arrears ar
              join accounts a on a.id = ar.account_id and a.closed_at is null
              join customers c on c.id = a.customer_id
              left join lateral (select p.normalized from customer_phones p
                                  where p.customer_id = c.id and p.kind = 'mobile' and p.sms_allowed
                                  order by p.is_primary desc, p.id limit 1) m on true
             where ar.amount >= ? and ar.days_overdue >= ?
             order by a.account_no, ar.billing_period""";

    private static final String IC_CARD = """
            select distinct on (b.meter_no) b.meter_no, b.balance, b.read_at, a.account_no,
                   c.id, c.name, c.customer_no, m.normalized
              from ic_card_balances b
              join meters mt on mt.meter_no = b.meter_no and mt.prepaid_ic_card and mt.removed_at is null
              join accounts a on a.premises_id = mt.premises_id and a.closed_at is null
              join customers c on c.id = a.customer_id
              left join lateral (select p.normalized from customer_phones p
                                  where p.customer_id = c.id and p.kind = 'mobile' and p.sms_allowed
                                  order by p.is_primary desc, p.id limit 1) m on true
             where b.balance <= ?
             order by b.meter_no, a.opened_at desc""";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    /** Reads through {@code jdbc}; reading days are taken in {@code zone} (the billing system's day). */
    public ReminderTargets(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** Counts of a selection: rows matched and those among them with no mobile (they get nothing). */
    public record Counts(int matched, int withoutMobile) {
    }

    /** Passes each target with a mobile to {@code each}; returns what matched. */
    public Counts select(ReminderRule rule, Consumer<ReminderTarget> each) {
        int[] counts = new int[2];
        if (rule.type() == ReminderRule.Type.ARREARS) {
            jdbc.query(ARREARS, rs -> {
                counts[0]++;
                int step = rule.stepFor(rs.getInt(5));
                String mobile = rs.getString(9);
                if (mobile == null) {
                    counts[1]++;
                    return;
                }
                each.accept(new ReminderTarget("arrears:" + rs.getString(1) + ':' + rs.getString(2) + ':' + step,
                        rs.getLong(6), mobile, Map.of("name", rs.getString(7), "customerNo", rs.getString(8),
                        "accountNo", rs.getString(1), "period", rs.getString(2), "amount", amount(rs, 3),
                        "dueDate", rs.getDate(4).toLocalDate().toString(), "daysOverdue", rs.getString(5))));
            }, rule.minAmount(), rule.steps().get(0));
        } else {
            DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
            jdbc.query(IC_CARD, rs -> {
                counts[0]++;
                String mobile = rs.getString(8);
                if (mobile == null) {
                    counts[1]++;
                    return;
                }
                String readDay = day.format(rs.getTimestamp(3).toInstant());
                each.accept(new ReminderTarget("iccard:" + rs.getString(1) + ':' + readDay, rs.getLong(5), mobile,
                        Map.of("name", rs.getString(6), "customerNo", rs.getString(7), "accountNo", rs.getString(4),
                                "meterNo", rs.getString(1), "balance", amount(rs, 2))));
            }, rule.maxBalance());
        }
        return new Counts(counts[0], counts[1]);
    }

    private static String amount(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
