package org.hotline.cti.outage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.hotline.cti.outage.internal.OutageRows;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads outage status for pages: lists by state, the outages covering given areas and lines, the big-screen board
 * and the public feed. Everything is computed by join from the open outages (partial indexes on
 * {@code restored_at is null}), so a line-wide outage covers every area beneath it without a row per area. Counts of
 * affected customers are cached for {@link #COUNT_TTL} per outage. Thread-safe.
 */
public class OutageStatus {

    /** How long a customers-affected count is reused; the network beneath an outage rarely changes. */
    public static final Duration COUNT_TTL = Duration.ofSeconds(30);

    /** How far back {@code recent} reaches. */
    public static final Duration RECENT = Duration.ofHours(24);

    /** Which outages a list shows. */
    public enum State {
        /** Supply off now: started, not restored, expected end ahead. */
        CURRENT,
        /** Announced, not started yet. */
        PLANNED,
        /** Restored in the last {@link #RECENT}. */
        RECENT;

        /** Parses {@code current}, {@code planned} or {@code recent}, any case. */
        public static State parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("state: " + text + " (expected: current, planned or recent)", e);
            }
        }
    }

    // accounts are probed per premises (offset 0 stops the planner flattening it into a hash join over all accounts)
    private static final String COUNTS = """
            select o.id, (select count(distinct ac.customer_id) from transformer_areas ta
                          join premises p on p.transformer_area_id = ta.id
                          cross join lateral (select a.customer_id from accounts a
                                              where a.premises_id = p.id and a.closed_at is null offset 0) ac
                          where ta.id = o.transformer_area_id or ta.feeder_line_id = o.feeder_line_id)
            from outages o where o.id = any(?)""";

    // areas under an active outage: the outage's own area, or every area of its line (each branch on its index)
    private static final String ACTIVE_AREAS = """
            active_areas as (
                select o.transformer_area_id as area_id from outages o
                where o.restored_at is null and o.transformer_area_id is not null
                  and o.starts_at <= ? and o.expected_end_at > ?
                union
                select ta.id from outages o join transformer_areas ta on ta.feeder_line_id = o.feeder_line_id
                where o.restored_at is null and o.feeder_line_id is not null
                  and o.starts_at <= ? and o.expected_end_at > ?
            )""";

    private static final String BOARD_CUSTOMERS = "with " + ACTIVE_AREAS + """
            select count(distinct ac.customer_id) from active_areas aa
            join premises p on p.transformer_area_id = aa.area_id
            cross join lateral (select a.customer_id from accounts a
                                where a.premises_id = p.id and a.closed_at is null offset 0) ac""";

    private static final String BOARD_CALLS = "with " + ACTIVE_AREAS + """
            select count(*) from calls k
            where k.started_at >= ? and k.customer_id is not null
              and exists (select 1 from accounts ac join premises p on p.id = ac.premises_id
                          join active_areas aa on aa.area_id = p.transformer_area_id
                          where ac.customer_id = k.customer_id and ac.closed_at is null)""";

    private record Count(long value, Instant until) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Long, Count> counts = new ConcurrentHashMap<>();

    /** Reads through {@code dataSource}; "now" comes from {@code clock}. */
    public OutageStatus(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current time by this service's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** The outages in {@code state}: current and planned by start, recent by restore time, newest first. */
    public List<OutageView> list(State state) {
        Timestamp now = Timestamp.from(clock.instant());
        return switch (state) {
            case CURRENT -> views(OutageRows.SELECT + """
                     where o.restored_at is null and o.starts_at <= ? and o.expected_end_at > ?
                     order by o.starts_at, o.id""", now, now);
            case PLANNED -> views(OutageRows.SELECT + """
                     where o.restored_at is null and o.starts_at > ? order by o.starts_at, o.id""", now);
            case RECENT -> views(OutageRows.SELECT + """
                     where o.restored_at is not null and o.restored_at >= ? order by o.restored_at desc, o.id desc""",
                    Timestamp.from(clock.instant().minus(RECENT)));
        };
    }

    /** One outage by id, with its status. */
    public java.util.Optional<OutageView> find(long id) {
        return views(OutageRows.SELECT + " where o.id = ?", id).stream().findFirst();
    }

    /**
     * Open outages (current or planned, not past their end) on any of {@code areaIds} or line-wide on any of
     * {@code lineIds}, by start; an area's status is those on it plus those on its line.
     */
    public List<OutageView> openCovering(Collection<Long> areaIds, Collection<Long> lineIds) {
        if (areaIds.isEmpty() && lineIds.isEmpty()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.execute((ConnectionCallback<List<OutageView>>) c -> {
            Array areas = c.createArrayOf("bigint", areaIds.toArray());
            Array lines = c.createArrayOf("bigint", lineIds.toArray());
            return views(c, OutageRows.SELECT + """
                    where o.id in (select id from outages where restored_at is null
                                       and transformer_area_id = any(?) and expected_end_at > ?
                                   union
                                   select id from outages where restored_at is null
                                       and feeder_line_id = any(?) and expected_end_at > ?)
                    order by o.starts_at, o.id""", areas, now, lines, now);
        });
    }

    /** The big-screen summary: active outages, distinct customers beneath them, calls from there in the last hour. */
    public OutageBoard board() {
        Instant nowInstant = clock.instant();
        Timestamp now = Timestamp.from(nowInstant);
        List<OutageView> current = list(State.CURRENT);
        Long customers = jdbc.queryForObject(BOARD_CUSTOMERS, Long.class, now, now, now, now);
        Long calls = jdbc.queryForObject(BOARD_CALLS, Long.class, now, now, now, now,
                Timestamp.from(nowInstant.minus(Duration.ofHours(1))));
        return new OutageBoard(current, customers == null ? 0 : customers, calls == null ? 0 : calls);
    }

    /** The public feed: current and planned outages, place names and times only. */
    public List<PublicOutage> publicFeed() {
        return publicFeed(null);
    }

    /**
     * The public feed's outages that reach {@code address} (issue #16: a customer searches by the own address): its
     * area's or line's name, or a premises address beneath the outage, contains the text; null or blank: all.
     */
    public List<PublicOutage> publicFeed(String address) {
        String text = address == null ? "" : address.strip();
        String where = "";
        List<Object> extra = new ArrayList<>();
        if (!text.isEmpty()) {
            String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = " and (a.name ilike ? or l.name ilike ? or exists (select 1 from transformer_areas ta"
                    + " join premises p on p.transformer_area_id = ta.id join addresses ad on ad.id = p.address_id"
                    + " where (ta.id = o.transformer_area_id or (o.transformer_area_id is null"
                    + " and ta.feeder_line_id = o.feeder_line_id)) and ad.full_text ilike ?))";
            extra = List.of(like, like, like);
        }
        Instant now = clock.instant();
        List<PublicOutage> feed = new ArrayList<>();
        Timestamp t = Timestamp.from(now);
        String current = " where o.restored_at is null and o.starts_at <= ? and o.expected_end_at > ?";
        String planned = " where o.restored_at is null and o.starts_at > ?";
        for (State state : List.of(State.CURRENT, State.PLANNED)) {
            List<Object> args = new ArrayList<>(state == State.CURRENT ? List.of(t, t) : List.of(t));
            args.addAll(extra);
            for (Outage o : jdbc.query(OutageRows.SELECT + (state == State.CURRENT ? current : planned) + where
                    + " order by o.starts_at, o.id", (rs, n) -> OutageRows.read(rs), args.toArray())) {
                feed.add(new PublicOutage(o.areaName(), o.lineName(), o.kind().name().toLowerCase(Locale.ROOT),
                        o.reason(), o.startsAt(), o.expectedEndAt(), state.name().toLowerCase(Locale.ROOT)));
            }
        }
        return feed;
    }

    private List<OutageView> views(String sql, Object... args) {
        return jdbc.execute((ConnectionCallback<List<OutageView>>) c -> views(c, sql, args));
    }

    private List<OutageView> views(Connection c, String sql, Object... args) throws SQLException {
        List<Outage> found = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(OutageRows.read(rs));
                    kinds.add(OutageRows.restoreKind(rs));
                }
            }
        }
        Map<Long, Long> affected = counts(c, found);
        Instant now = clock.instant();
        List<OutageView> out = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            Outage o = found.get(i);
            out.add(new OutageView(o, kinds.get(i), o.activeAt(now), affected.getOrDefault(o.id(), 0L)));
        }
        return out;
    }

    private Map<Long, Long> counts(Connection c, List<Outage> outages) throws SQLException {
        Instant now = clock.instant();
        Map<Long, Long> out = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Outage o : outages) {
            Count cached = counts.get(o.id());
            if (cached != null && cached.until().isAfter(now)) {
                out.put(o.id(), cached.value());
            } else {
                missing.add(o.id());
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        if (counts.size() > 10_000) {
            counts.clear(); // bounded: only ever a few hundred open or recent outages are asked for
        }
        Array ids = c.createArrayOf("bigint", missing.toArray());
        try (PreparedStatement ps = c.prepareStatement(COUNTS)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                    counts.put(rs.getLong(1), new Count(rs.getLong(2), now.plus(COUNT_TTL)));
                }
            }
        }
        return out;
    }
}
