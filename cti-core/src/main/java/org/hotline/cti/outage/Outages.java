package org.hotline.cti.outage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/** Reads outages and the customers beneath them (issue #4); the SMS notices (issue #5) read through here. */
public class Outages {

    private static final String OUTAGE_COLUMNS = """
            select o.id, o.outage_no, o.kind, l.code, l.name, a.code, a.name, o.reason, o.starts_at,
                   o.expected_end_at, o.restored_at, o.restored_by, o.updated_at
            from outages o
            left join transformer_areas a on a.id = o.transformer_area_id
            join feeder_lines l on l.id = coalesce(o.feeder_line_id, a.feeder_line_id)
            """;

    // Areas in scope: the one area, or every area on the line; read first so the planner sees a real array below.
    private static final String SCOPE = """
            select o.transformer_area_id from outages o where o.id = ? and o.transformer_area_id is not null
            union all
            select ta.id from outages o join transformer_areas ta on ta.feeder_line_id = o.feeder_line_id
            where o.id = ?""";

    // a semi-join (no distinct over the owners) walking premises -> accounts on their indexes
    private static final String AFFECTED = """
            select c.id, c.customer_no, c.name, c.key_account, c.high_risk, m.normalized
            from customers c
            left join lateral (
                select cp.normalized from customer_phones cp
                where cp.customer_id = c.id and cp.kind = 'mobile' and cp.sms_allowed
                order by cp.is_primary desc, cp.id limit 1
            ) m on true
            where c.id in (select ac.customer_id from premises p
                           -- offset 0 keeps this a probe of accounts_premises_idx per premises: flattened into a
                           -- join, the planner hashes a sequential scan of all accounts (seconds at 10M)
                           cross join lateral (select a.customer_id from accounts a
                                               where a.premises_id = p.id and a.closed_at is null offset 0) ac
                           where p.transformer_area_id = any(?))
            order by c.id
            """;

    private final DataSource dataSource;

    /** Reads through {@code dataSource}. */
    public Outages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The outage with this id, if any. */
    public Optional<Outage> find(long id) {
        List<Outage> found = query(OUTAGE_COLUMNS + " where o.id = ?", ps -> ps.setLong(1, id));
        return found.stream().findFirst();
    }

    /** Outages still open, and those restored at or after {@code since}, oldest start first. */
    public List<Outage> openOrRestoredSince(Instant since) {
        return query(OUTAGE_COLUMNS + " where o.restored_at is null or o.restored_at >= ? order by o.starts_at, o.id",
                ps -> ps.setTimestamp(1, Timestamp.from(since)));
    }

    /** Streams each customer with an open account beneath the outage once, by customer id, to {@code each}. */
    public void forEachAffectedCustomer(long outageId, Consumer<AffectedCustomer> each) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // pgjdbc streams with a fetch size only inside a transaction
            List<Long> areas = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SCOPE)) {
                ps.setLong(1, outageId);
                ps.setLong(2, outageId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        areas.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(AFFECTED)) {
                ps.setFetchSize(5_000);
                ps.setArray(1, c.createArrayOf("bigint", areas.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new AffectedCustomer(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(6), rs.getBoolean(4), rs.getBoolean(5)));
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not read the customers of outage " + outageId, e);
        }
    }

    private List<Outage> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Outage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Outage(rs.getLong(1), rs.getString(2), OutageKind.valueOf(rs.getString(3).toUpperCase()),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            instant(rs, 9), instant(rs, 10), instant(rs, 11), rs.getString(12), instant(rs, 13)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not read outages", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
