package org.hotline.desktop.customer.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.desktop.customer.DeskProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit of customer cards read at the desk, and its per-user limit: a user who opens more cards within the
 * window than the limit allows is refused (walking customer numbers), and every read is a row an administrator sees.
 */
final class CardReads {

    /** One card read: when, who, which customer, how (search, card, contacts), and from which call or search. */
    record CardRead(long id, Instant at, String username, String customerNo, String customerName, String via,
                    String callId, String query) {
    }

    /** A user's reads since a moment. */
    record UserTotal(String username, long reads, long customers, Instant last) {
    }

    /** More cards than the limit allows within the window. */
    static final class LimitReached extends RuntimeException {
        LimitReached(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;
    private final DeskProperties settings;
    private final Clock clock;

    CardReads(DataSource dataSource, DeskProperties settings, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records that {@code username} read these cards, unless that takes the user past the limit.
     *
     * @throws LimitReached with the reason, in the agent's language; nothing is recorded
     */
    void read(String username, List<CustomerCard> cards, String via, String callId, String query) {
        if (cards.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Long before = jdbc.queryForObject("select count(*) from card_reads where username = ? and at > ?", Long.class,
                username, Timestamp.from(now.minus(settings.cardReadWindow())));
        if (before != null && before + cards.size() > settings.cardReadLimit()) {
            jdbc.update("insert into audit_log (actor, action, target, detail) values (?, 'card-read-refused', ?, "
                    + "jsonb_build_object('reads', ?::int, 'limit', ?::int, 'via', ?::text))", username, username,
                    before, settings.cardReadLimit(), via);
            throw new LimitReached("打开客户档案过于频繁：" + minutes() + " 分钟内已打开 " + before + " 份，上限 "
                    + settings.cardReadLimit() + " 份。请稍后再试，或联系班长。");
        }
        List<Object[]> rows = new ArrayList<>();
        for (CustomerCard c : cards) {
            rows.add(new Object[] {Timestamp.from(now), username, c.id(), c.customerNo(), via, callId,
                    query == null ? null : query.length() > 200 ? query.substring(0, 200) : query});
        }
        jdbc.batchUpdate("insert into card_reads (at, username, customer_id, customer_no, via, call_id, query) "
                + "values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Deletes the reads older than the retention, a batch at a time (a short lock each); returns how many went.
     */
    int purge() {
        java.sql.Timestamp before = Timestamp.from(clock.instant().minus(settings.cardReadRetention()));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("delete from card_reads where id in (select id from card_reads where at < ? "
                    + "order by at limit 10000)", before);
            total += deleted;
        } while (deleted == 10_000);
        return total;
    }

    /** Reads newest first, filtered by user and customer number (null: any), at most {@code limit}. */
    List<CardRead> list(String username, String customerNo, Instant from, Instant to, int limit) {
        return jdbc.query("""
                select r.id, r.at, r.username, r.customer_no, c.name, r.via, r.call_id, r.query
                from card_reads r join customers c on c.id = r.customer_id
                where (?::text is null or r.username = ?) and (?::text is null or r.customer_no = ?)
                  and r.at >= ? and r.at < ?
                order by r.at desc, r.id desc limit ?""", (rs, n) -> new CardRead(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8)), username, username, customerNo, customerNo, Timestamp.from(from),
                Timestamp.from(to), limit);
    }

    /** Reads per user since {@code since}, the most first: who opens unusually many cards. */
    List<UserTotal> totals(Instant since) {
        return jdbc.query("""
                select username, count(*), count(distinct customer_id), max(at) from card_reads where at >= ?
                group by username order by count(*) desc, username""", (rs, n) -> new UserTotal(rs.getString(1),
                rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant()), Timestamp.from(since));
    }

    private long minutes() {
        return Math.max(1, settings.cardReadWindow().toMinutes());
    }
}
