package org.hotline.workorder.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.time.Clock;
import org.hotline.workorder.CrewApp;
import org.hotline.workorder.CrewAppRejectedException;
import org.hotline.workorder.CrewMember;
import org.hotline.workorder.CrewReport;
import org.hotline.workorder.OrderType;
import org.hotline.workorder.Point;
import org.hotline.workorder.WorkOrderRejectedException;
import org.hotline.workorder.WorkOrderRejectedException.Kind;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and appends the crew app's rows: the order as a crew sees it, reports and photos. */
public final class CrewRows {

    private static final TypeReference<List<CrewApp.Material>> MATERIALS = new TypeReference<>() {
    };

    private static final String ORDER = """
            select w.id, w.order_no, w.limits::text, w.team_unit_id, w.crew_unit_id, w.awaiting_point, w.status,
                   w.closed_at, a.full_text, w.summary
            from work_orders w left join premises p on p.id = w.premises_id
            left join addresses a on a.id = p.address_id where w.id = ?""";

    private static final String REPORTS = """
            select r.id, r.kind, u.code, r.recorded_at, r.recorded_by_name, r.text, r.materials::text, r.latitude,
                   r.longitude, r.accuracy_m,
                   array(select ph.id from work_order_photos ph where ph.report_id = r.id order by ph.id), r.order_id
            from work_order_crew_reports r join work_order_units u on u.id = r.crew_unit_id""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** Rows through {@code jdbc}; reports are dated by {@code clock}. */
    public CrewRows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An order as the crew app needs it.
     *
     * @param awaiting the point its clock waits for, or null when complete
     */
    public record Locked(long id, String orderNo, OrderType type, Long teamId, Long crewId, Point awaiting,
                         boolean resolved, boolean closed, String address, String summary) {

        /** The arrival point: two after the acceptance (H of a repair). */
        public Point arrivePoint() {
            return type.acceptPoint() == null || type.acceptPoint().next() == null ? null
                    : type.acceptPoint().next().next();
        }

        /** Whether the departure point (G of a repair) is recorded. */
        public boolean departed() {
            return type.acceptPoint() != null
                    && (awaiting == null || awaiting.ordinal() > type.acceptPoint().next().ordinal());
        }
    }

    /** The order with its row locked until the transaction ends. @throws WorkOrderRejectedException */
    public Locked lock(long orderId) {
        if (jdbc.queryForList("select id from work_orders where id = ? for update", orderId).isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no work order " + orderId);
        }
        Locked o = read(orderId);
        if (o.closed()) {
            throw new WorkOrderRejectedException(Kind.CONFLICT, "order " + o.orderNo() + " is closed");
        }
        return o;
    }

    /** The order as it is now. @throws WorkOrderRejectedException NOT_FOUND, or CONFLICT for a legacy order */
    public Locked read(long orderId) {
        List<Locked> found = jdbc.query(ORDER, (rs, n) -> {
            String limits = rs.getString(3);
            if (limits == null) {
                throw new WorkOrderRejectedException(Kind.CONFLICT, "order " + rs.getString(2)
                        + " predates the work-order clock: crews cannot work it in the app");
            }
            return new Locked(rs.getLong(1), rs.getString(2), parse(limits), (Long) rs.getObject(4),
                    (Long) rs.getObject(5), rs.getString(6) == null ? null : Point.of(rs.getString(6)),
                    "resolved".equals(rs.getString(7)), rs.getTimestamp(8) != null, rs.getString(9),
                    rs.getString(10));
        }, orderId);
        if (found.isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no work order " + orderId);
        }
        return found.get(0);
    }

    /** {@code o} when it is assigned to the member's crew. @throws CrewAppRejectedException FORBIDDEN otherwise */
    public Locked mine(Locked o, CrewMember member) {
        if (o.crewId() == null || o.crewId() != member.crewId()) {
            throw new CrewAppRejectedException(CrewAppRejectedException.Kind.FORBIDDEN, "order " + o.orderNo()
                    + " is not assigned to your crew " + member.crew() + ": nothing was recorded");
        }
        return o;
    }

    /** Whether the crew accepted the order since it was last assigned to it. */
    public boolean accepted(long orderId, long crewId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from work_order_crew_reports r where r.order_id = ? and r.crew_unit_id = ?
                    and r.kind = 'accepted' and r.id > coalesce((select max(a.id) from work_order_crew_reports a
                        where a.order_id = r.order_id and a.kind = 'assigned' and a.crew_unit_id = r.crew_unit_id), 0))""",
                Boolean.class, orderId, crewId));
    }

    /** Appends a report and returns its id; {@code position} may be null. */
    public long insert(long orderId, long crewId, Long tokenId, String kind, String by, String text, String materials,
                       CrewApp.Position position) {
        return jdbc.queryForObject("""
                insert into work_order_crew_reports (order_id, crew_unit_id, token_id, kind, recorded_at,
                    recorded_by_name, text, materials, latitude, longitude, accuracy_m)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id""", Long.class, orderId, crewId,
                tokenId, kind, Timestamp.from(clock.instant()), by, text, materials,
                position == null ? null : position.latitude(), position == null ? null : position.longitude(),
                position == null ? null : position.accuracy());
    }

    /** The reports on one order, oldest first. */
    public List<CrewReport> reports(long orderId) {
        return jdbc.query(REPORTS + " where r.order_id = ? order by r.id", (rs, n) -> report(rs), orderId);
    }

    /** The last report of each open order that lost its crew (cannot go) and has none again. */
    public List<CrewReport> waitingForCrew() {
        return jdbc.query(REPORTS + """
                 join work_orders w on w.id = r.order_id
                where w.crew_unit_id is null and w.closed_at is null and w.status <> 'resolved' and r.kind = 'cannot_go'
                  and r.id = (select max(x.id) from work_order_crew_reports x where x.order_id = r.order_id)
                order by r.id""", (rs, n) -> report(rs));
    }

    /** One photo of an order. @throws WorkOrderRejectedException NOT_FOUND */
    public CrewApp.Photo photo(long orderId, long photoId) {
        List<CrewApp.Photo> found = jdbc.query("select file_name, content_type, data from work_order_photos "
                + "where id = ? and order_id = ?", (rs, n) -> new CrewApp.Photo(rs.getString(1), rs.getString(2),
                rs.getBytes(3)), photoId, orderId);
        if (found.isEmpty()) {
            throw new WorkOrderRejectedException(Kind.NOT_FOUND, "no photo " + photoId + " of order " + orderId);
        }
        return found.get(0);
    }

    /** A unit's code. */
    public String unitCode(Long unitId) {
        if (unitId == null) {
            return null;
        }
        List<String> codes = jdbc.queryForList("select code from work_order_units where id = ?", String.class, unitId);
        return codes.isEmpty() ? null : codes.get(0);
    }

    private static CrewReport report(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp(4);
        Long[] photos = (Long[]) rs.getArray(11).getArray();
        return new CrewReport(rs.getLong(1), rs.getLong(12), rs.getString(2), rs.getString(3), at.toInstant(), rs.getString(5),
                rs.getString(6), materials(rs.getString(7)), (Double) rs.getObject(8), (Double) rs.getObject(9),
                (Double) rs.getObject(10), List.of(photos));
    }

    private static List<CrewApp.Material> materials(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(json, MATERIALS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable materials: " + json, e);
        }
    }

    private static OrderType parse(String limits) {
        try {
            return Json.MAPPER.readValue(limits, OrderType.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable limits snapshot: " + limits, e);
        }
    }

}
