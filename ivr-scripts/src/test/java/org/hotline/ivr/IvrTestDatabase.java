package org.hotline.ivr;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import org.hotline.cti.outage.NewOutage;
import org.hotline.cti.outage.OutageDesk;
import org.hotline.cti.outage.OutageKind;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.cti.testing.TestClock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A migrated database with two lines, an area on each, and customers: one reached by its number, one with two
 * accounts, two sharing a number, and one on the line in outage.
 */
final class IvrTestDatabase implements AutoCloseable {

    /** The tests' "now": Monday 7 December 2026, 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    /** One customer, one account (ACCOUNT_ONE), on the line without outage. */
    static final String ONE_ACCOUNT_NUMBER = "13800000001";
    static final String ACCOUNT_ONE = "1000000001";
    /** One customer with two accounts. */
    static final String TWO_ACCOUNTS_NUMBER = "13800000002";
    /** Two customers share this number. */
    static final String SHARED_NUMBER = "13800000003";
    /** A customer whose area is in an unplanned outage (OUTAGE_NO) until tomorrow 15:30. */
    static final String IN_OUTAGE_NUMBER = "13800000004";
    static final String ACCOUNT_IN_OUTAGE = "1000000004";
    /** A Luhn-valid account number (for the check-digit setting) of the ONE_ACCOUNT customer's neighbour. */
    static final String LUHN_ACCOUNT = "79927398713";

    final HikariDataSource pool = EmbeddedPostgresSupport.migratedDatabase();
    final JdbcTemplate jdbc = new JdbcTemplate(pool);
    final long customerOne;
    final String outageNo;

    IvrTestDatabase() {
        jdbc.update("insert into substations (code, name) values ('S1', '东站')");
        jdbc.update("insert into feeder_lines (code, name, substation_id) values ('L1', '东1线', (select id from substations)),"
                + " ('L2', '东2线', (select id from substations))");
        jdbc.update("insert into transformer_areas (code, name, feeder_line_id) values "
                + "('TA1', '建设南路1号', (select id from feeder_lines where code = 'L1')), "
                + "('TA2', '建设南路2号', (select id from feeder_lines where code = 'L2'))");
        jdbc.update("insert into addresses (full_text) values ('建设南路')");
        customerOne = customer("C1", "张三", ONE_ACCOUNT_NUMBER, "TA1", ACCOUNT_ONE);
        long two = customer("C2", "李四", TWO_ACCOUNTS_NUMBER, "TA1", "1000000002");
        account(two, "TA1", "1000000012");
        customer("C3", "王五", SHARED_NUMBER, "TA1", "1000000003");
        customer("C3B", "王六", SHARED_NUMBER, "TA1", LUHN_ACCOUNT);
        customer("C4", "赵七", IN_OUTAGE_NUMBER, "TA2", ACCOUNT_IN_OUTAGE);
        // ACCOUNT_ONE owes 100.00 + 23.05, the earliest due on 20 December; the second account nothing
        arrears(ACCOUNT_ONE, "2026-10", "100.00", "2026-12-20", 0);
        arrears(ACCOUNT_ONE, "2026-11", "23.05", "2026-12-28", 0);
        arrears(ACCOUNT_IN_OUTAGE, "2026-10", "80.50", "2026-11-30", 7);
        // tomorrow 15:30 in Shanghai
        outageNo = new OutageDesk(pool, new TestClock(NOW)).declare(new NewOutage(OutageKind.UNPLANNED, "L2", null,
                "线路故障", NOW.minus(Duration.ofHours(1)), Instant.parse("2026-12-08T07:30:00Z")), "sup").outageNo();
    }

    /** The last recorded IVR run of a call: script, outcome, path and facts (as JSON text). */
    java.util.Map<String, Object> lastRun(String callId) {
        return jdbc.queryForMap("select script, outcome, path, facts::text as facts from ivr_runs where call_id = ? "
                + "order by id desc limit 1", callId);
    }

    private long customer(String no, String name, String phone, String area, String account) {
        Long id = jdbc.queryForObject("insert into customers (customer_no, name, kind) values (?, ?, 'residential') "
                + "returning id", Long.class, no, name);
        jdbc.update("insert into customer_phones (customer_id, raw, normalized, kind) values (?, ?, ?, 'mobile')", id,
                phone, phone);
        account(id, area, account);
        return id;
    }

    private void arrears(String account, String period, String amount, String due, int daysOverdue) {
        jdbc.update("insert into arrears (account_id, billing_period, amount, due_date, days_overdue) values "
                + "((select id from accounts where account_no = ?), ?, ?::numeric, ?::date, ?)", account, period, amount,
                due, daysOverdue);
    }

    private void account(long customer, String area, String account) {
        Long premises = jdbc.queryForObject("insert into premises (address_id, transformer_area_id) values "
                + "((select id from addresses), (select id from transformer_areas where code = ?)) returning id",
                Long.class, area);
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values (?, ?, ?)", account, customer,
                premises);
    }

    @Override
    public void close() {
        pool.close();
    }
}
