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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    // the caller's areas first (a fence, computed once), then the open outages on each area or its line by the partial
    // indexes: a few index probes whatever the number of customers or outages (the IVR asks it on every call);
    // the areas' query (area_id, line_id) goes in at %s
    private static final String COVER = """
            with cover as materialized (
                select x.id from (%s) s
                cross join lateral (select x.id from outages x
                                    where x.restored_at is null and x.transformer_area_id = s.area_id
                                    union all
                                    select x.id from outages x
                                    where x.restored_at is null and x.feeder_line_id = s.line_id) x)
            """;
    private static final String FOR_CALLER = COVER.formatted("""
            select distinct ta.id as area_id, ta.feeder_line_id as line_id
            from customer_phones cp
            join accounts ac on ac.customer_id = cp.customer_id and ac.closed_at is null
            join premises pr on pr.id = ac.premises_id
            join transformer_areas ta on ta.id = pr.transformer_area_id
            where cp.normalized = ?""");
    private static final String FOR_ACCOUNT = COVER.formatted("""
            select ta.id as area_id, ta.feeder_line_id as line_id
            from accounts ac
            join premises pr on pr.id = ac.premises_id
            join transformer_areas ta on ta.id = pr.transformer_area_id
            where ac.account_no = ?""");
    private static final String ACTIVE = """
             where o.id in (select id from cover) and o.starts_at <= ? and o.expected_end_at > ?
             order by o.starts_at, o.id""";

    /** Fewer areas than this are listed on one connection: splitting would cost more than it saves. */
    static final int MIN_AREAS_TO_SPLIT = 8;

    /** Threads for the second and further parts of a split listing (daemon, idle ones end after a minute). */
    private static final ExecutorService LISTING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "outage-listing");
        t.setDaemon(true);
        return t;
    });

    private final DataSource dataSource;
    private final int connections;

    /** Reads through {@code dataSource}, listing customers over up to two connections at once. */
    public Outages(DataSource dataSource) {
        this(dataSource, 2);
    }

    /** Reads through {@code dataSource}, listing the customers of one outage over up to {@code connections} at once. */
    public Outages(DataSource dataSource, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("listingConnections: " + connections + " (expected: >= 1)");
        }
        this.dataSource = dataSource;
        this.connections = connections;
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

    /**
     * The outages in force at {@code now} over any premises of the customers holding this (normalized) number, by start:
     * what the IVR tells a caller before queueing and the lookup shows in red (issue #4).
     */
    public List<Outage> activeForCaller(String normalizedNumber, Instant now) {
        return active(FOR_CALLER, normalizedNumber, now);
    }

    /**
     * The outages in force at {@code now} over the premises of this account (户号), by start: what the IVR tells a
     * caller who keyed the account in.
     */
    public List<Outage> activeForAccount(String accountNo, Instant now) {
        return active(FOR_ACCOUNT, accountNo, now);
    }

    private List<Outage> active(String cover, String key, Instant now) {
        Timestamp at = Timestamp.from(now);
        return query(cover + OUTAGE_COLUMNS + ACTIVE, ps -> {
            ps.setString(1, key);
            ps.setTimestamp(2, at);
            ps.setTimestamp(3, at);
        });
    }

    /**
     * Calls {@code each} for every customer with an open account beneath the outage, once, by customer id. Over one
     * connection the customers stream; split over several, each part is read whole (about 100 bytes a customer) and
     * the parts merged.
     */
    public void forEachAffectedCustomer(long outageId, Consumer<AffectedCustomer> each) {
        List<Long> areas = scope(outageId);
        int parts = Math.min(connections, areas.size());
        if (parts <= 1 || areas.size() < MIN_AREAS_TO_SPLIT) {
            stream(areas, each);
            return;
        }
        // round-robin, so every part gets a share of the line's large and small areas
        List<List<Long>> split = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            split.add(new ArrayList<>());
        }
        for (int i = 0; i < areas.size(); i++) {
            split.get(i % parts).add(areas.get(i));
        }
        List<CompletableFuture<List<AffectedCustomer>>> lists = new ArrayList<>();
        for (int i = 1; i < parts; i++) {
            List<Long> mine = split.get(i);
            lists.add(CompletableFuture.supplyAsync(() -> collect(mine), LISTING));
        }
        List<List<AffectedCustomer>> sorted = new ArrayList<>();
        sorted.add(collect(split.get(0)));
        try {
            for (CompletableFuture<List<AffectedCustomer>> f : lists) {
                sorted.add(f.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        merge(sorted, each);
    }

    /** Calls {@code each} in customer id order over lists sorted by id, a customer in several lists once. */
    static void merge(List<List<AffectedCustomer>> sorted, Consumer<AffectedCustomer> each) {
        int[] at = new int[sorted.size()];
        long last = Long.MIN_VALUE;
        while (true) {
            int min = -1;
            for (int i = 0; i < at.length; i++) {
                if (at[i] < sorted.get(i).size() && (min < 0
                        || sorted.get(i).get(at[i]).customerId() < sorted.get(min).get(at[min]).customerId())) {
                    min = i;
                }
            }
            if (min < 0) {
                return;
            }
            AffectedCustomer next = sorted.get(min).get(at[min]++);
            if (next.customerId() != last) { // a customer with accounts in areas of two parts
                each.accept(next);
                last = next.customerId();
            }
        }
    }

    private List<Long> scope(long outageId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SCOPE)) {
            ps.setLong(1, outageId);
            ps.setLong(2, outageId);
            List<Long> areas = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    areas.add(rs.getLong(1));
                }
            }
            return areas;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not read the areas of outage " + outageId, e);
        }
    }

    private List<AffectedCustomer> collect(List<Long> areas) {
        List<AffectedCustomer> out = new ArrayList<>();
        stream(areas, out::add);
        return out;
    }

    private void stream(List<Long> areas, Consumer<AffectedCustomer> each) {
        if (areas.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // pgjdbc streams with a fetch size only inside a transaction
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
            throw new DataAccessResourceFailureException("Could not read the customers of " + areas.size() + " areas", e);
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
