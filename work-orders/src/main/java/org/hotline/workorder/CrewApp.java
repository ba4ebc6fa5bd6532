package org.hotline.workorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.workorder.CrewAppRejectedException.Kind;
import org.hotline.workorder.internal.CrewInputs;
import org.hotline.workorder.internal.CrewRows;
import org.hotline.workorder.internal.Json;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The crew app's actions: the dispatcher assigns a crew; the crew lists its orders, accepts, says it cannot go,
 * departs, arrives (with its position), reports the fault and materials, and reports done with photos. Each sets
 * its time point through {@link WorkOrders} (source crew app, recorded by the member's name) in one transaction
 * with the crew's report, so a refused point records nothing. Thread-safe.
 */
public class CrewApp {

    /** The push type of crew reports and assignments, to the supervisors' topic. */
    public static final String PUSH_TYPE = PushMessage.TYPE_WORKORDER_CREW;

    /** The content types a photo may have. */
    public static final List<String> PHOTO_TYPES = List.of("image/jpeg", "image/png", "image/webp", "image/heic",
            "image/heif");

    /** A position from the phone: degrees and the accuracy radius in metres; all null for none. */
    public record Position(Double latitude, Double longitude, Double accuracy) {
    }

    /** A material used: what, how much, in which unit (电缆, 12.5, 米). */
    public record Material(String name, BigDecimal quantity, String unit) {
    }

    /** A photo sent with "done". */
    public record Photo(String fileName, String contentType, byte[] data) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WorkOrders orders;
    private final CrewAppProperties settings;
    private final PushBus bus;
    private final Clock clock;
    private final CrewRows rows;

    /** Stores in {@code dataSource}, records points through {@code orders}, pushes on {@code bus} (may be null). */
    public CrewApp(DataSource dataSource, WorkOrders orders, CrewAppProperties settings, PushBus bus, Clock clock) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.orders = Objects.requireNonNull(orders, "orders");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bus = bus;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rows = new CrewRows(jdbc, clock);
    }

    /** The settings (photo limits), for the API's documentation and the page. */
    public CrewAppProperties settings() {
        return settings;
    }

    /**
     * Assigns crew {@code crew} (a unit of kind crew under the order's team) to an order; assigning the same crew
     * again changes nothing.
     *
     * @throws WorkOrderRejectedException unknown order; no team yet, done, closed or departed (CONFLICT); a unit
     *                                    that is no crew of the order's team or a type without acceptance (422)
     */
    public List<CrewReport> assign(long orderId, String crew, String by) {
        // the crew now and the crew before, for the pushes (the one before learns the order left it)
        String[] pushed = new String[2];
        tx.executeWithoutResult(s -> {
            CrewRows.Locked o = rows.lock(orderId);
            if (o.type().acceptPoint() == null || !o.type().uses(o.arrivePoint())) {
                throw rejected(WorkOrderRejectedException.Kind.UNPROCESSABLE, "order " + o.orderNo() + " is a "
                        + o.type().code() + " order: crews take orders whose type has an acceptance point and two "
                        + "points after it (depart, arrive), such as repair");
            }
            List<Map<String, Object>> units = jdbc.queryForList(
                    "select id, kind, parent_id from work_order_units where code = ?", crew == null ? "" : crew.strip());
            if (units.isEmpty() || !"crew".equals(units.get(0).get("kind"))) {
                throw rejected(WorkOrderRejectedException.Kind.UNPROCESSABLE, "crew: '" + crew + "' is "
                        + (units.isEmpty() ? "no unit" : "a " + units.get(0).get("kind") + ", not a crew"));
            }
            if (o.resolved()) {
                throw rejected(WorkOrderRejectedException.Kind.CONFLICT, "order " + o.orderNo()
                        + " is reported done: no crew is assigned to it any more");
            }
            if (o.teamId() == null) {
                throw rejected(WorkOrderRejectedException.Kind.CONFLICT, "order " + o.orderNo() + " has no team yet: "
                        + "record point " + o.type().acceptFrom() + " with the team first");
            }
            long crewId = ((Number) units.get(0).get("id")).longValue();
            if (!o.teamId().equals(units.get(0).get("parent_id"))) {
                throw rejected(WorkOrderRejectedException.Kind.UNPROCESSABLE, "crew " + crew + " is not a crew of team "
                        + rows.unitCode(o.teamId()) + ", which has order " + o.orderNo());
            }
            if (o.departed()) {
                throw rejected(WorkOrderRejectedException.Kind.CONFLICT, "order " + o.orderNo() + ": crew "
                        + rows.unitCode(o.crewId()) + " has departed already; a crew on the road is not replaced");
            }
            if (Long.valueOf(crewId).equals(o.crewId())) {
                return;
            }
            jdbc.update("update work_orders set crew_unit_id = ? where id = ?", crewId, orderId);
            rows.insert(orderId, crewId, null, "assigned", by, null, null, null);
            pushed[0] = crew.strip();
            pushed[1] = rows.unitCode(o.crewId());
        });
        if (pushed[0] != null) {
            push("assigned", orderId, pushed[0], by, null, pushed[1]);
        }
        return rows.reports(orderId);
    }

    /**
     * The open orders assigned to the member's crew, the most urgent first. Listing delivers them: an order whose
     * clock waits for the point just before acceptance (E, the order reaches the team) gets it now.
     */
    public List<CrewOrder> myOrders(CrewMember member) {
        List<Long> ids = jdbc.queryForList("""
                select w.id from work_orders w join work_order_units c on c.id = w.crew_unit_id
                where w.crew_unit_id = ? and w.closed_at is null and w.status <> 'resolved'
                  and w.team_unit_id = c.parent_id
                order by w.awaiting_deadline nulls last, w.id""", Long.class, member.crewId());
        List<CrewOrder> mine = new ArrayList<>();
        for (long id : ids) {
            CrewRows.Locked o = rows.read(id);
            Point delivery = o.type().acceptPoint() == null ? null : previous(o.type().acceptPoint());
            if (delivery != null && o.awaiting() == delivery && delivery != o.type().acceptFrom()) {
                try {
                    orders.recordPoint(id, delivery, null, member.name(), PointSource.CREW_APP, null, null);
                } catch (WorkOrderRejectedException e) {
                    // another phone of the crew delivered it at the same moment
                }
            }
            mine.add(view(id, member));
        }
        return mine;
    }

    /** One order of the member's crew. @throws CrewAppRejectedException FORBIDDEN when it is not theirs */
    public CrewOrder order(CrewMember member, long orderId) {
        rows.mine(rows.read(orderId), member);
        return view(orderId, member);
    }

    /** Accepts the order: records the acceptance point (F of a repair), and the delivery point first if missing. */
    public CrewOrder accept(CrewMember member, long orderId) {
        CrewOrder done = inTx(() -> {
            CrewRows.Locked o = rows.mine(rows.lock(orderId), member);
            if (rows.accepted(orderId, member.crewId())) {
                throw rejected(WorkOrderRejectedException.Kind.CONFLICT, "order " + o.orderNo()
                        + " is already accepted by crew " + member.crew());
            }
            Point accept = o.type().acceptPoint();
            Point delivery = previous(accept);
            if (o.awaiting() == delivery && delivery != o.type().acceptFrom()) {
                orders.recordPoint(orderId, delivery, null, member.name(), PointSource.CREW_APP, null, null);
                o = rows.read(orderId);
            }
            // a crew that replaces one that accepted and could not go: the acceptance stands, this one is logged
            if (o.awaiting() == null || o.awaiting().ordinal() <= accept.ordinal()) {
                orders.recordPoint(orderId, accept, null, member.name(), PointSource.CREW_APP, null, null);
            }
            rows.insert(orderId, member.crewId(), member.tokenId(), "accepted", member.name(), null, null, null);
            return view(orderId, member);
        });
        push("accepted", orderId, member.crew(), member.name(), null);
        return done;
    }

    /**
     * The crew cannot go: the order loses its crew and waits for the dispatcher to assign another, with the reason.
     * The clock is not re-routed: the centre routed rightly, so no time is charged to it; the stage that waits keeps
     * running against the party that holds it.
     */
    public CrewOrder cannotGo(CrewMember member, long orderId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw rejected(WorkOrderRejectedException.Kind.INVALID, "reason: empty or longer than 500 characters "
                    + "(expected: why the crew cannot go, for the dispatcher)");
        }
        CrewOrder done = inTx(() -> {
            CrewRows.Locked o = rows.mine(rows.lock(orderId), member);
            if (o.departed()) {
                throw rejected(WorkOrderRejectedException.Kind.CONFLICT, "order " + o.orderNo()
                        + ": the crew has departed already; call the dispatcher");
            }
            jdbc.update("update work_orders set crew_unit_id = null where id = ?", orderId);
            rows.insert(orderId, member.crewId(), member.tokenId(), "cannot_go", member.name(), why, null, null);
            return view(orderId, member);
        });
        push("cannot_go", orderId, member.crew(), member.name(), why);
        return done;
    }

    /** The crew departs: records the point after acceptance (G of a repair). */
    public CrewOrder depart(CrewMember member, long orderId) {
        return point(member, orderId, "departed", o -> o.type().acceptPoint().next(), null);
    }

    /**
     * The crew is on site: records the arrival point (H of a repair) with the position, which may be absent (no
     * fix, or location denied: the record says so) but never partial or implausible.
     *
     * @throws WorkOrderRejectedException INVALID for a position out of range; CONFLICT for a second arrival
     */
    public CrewOrder arrive(CrewMember member, long orderId, Position position) {
        Position p = CrewInputs.position(position);
        CrewOrder done = point(member, orderId, "arrived", CrewRows.Locked::arrivePoint, p);
        return p != null && !CrewInputs.inChina(p) ? done.withWarning("position " + p.latitude() + ", " + p.longitude()
                + " is outside China: recorded as sent; check the phone's location") : done;
    }

    /** The crew reports the fault it found. */
    public CrewOrder fault(CrewMember member, long orderId, String text) {
        String fault = text == null ? "" : text.strip();
        if (fault.isEmpty() || fault.length() > 2000) {
            throw rejected(WorkOrderRejectedException.Kind.INVALID, "text: empty or longer than 2000 characters "
                    + "(expected: the fault found)");
        }
        return report(member, orderId, "fault", fault, null);
    }

    /** The crew reports materials used. */
    public CrewOrder materials(CrewMember member, long orderId, List<Material> materials) {
        List<Material> clean = CrewInputs.materials(materials);
        return report(member, orderId, "materials", null, clean);
    }

    /**
     * The work is done ({@link WorkOrders#markDone}, source crew app) with optional photos, checked before anything
     * is recorded.
     *
     * @throws CrewAppRejectedException TOO_LARGE for a photo above the size limit or too many photos
     */
    public CrewOrder done(CrewMember member, long orderId, String note, List<Photo> photos) {
        List<Photo> sent = photos == null ? List.of() : photos.stream().filter(p -> p != null && p.data() != null
                && p.data().length > 0).toList();
        checkPhotoCount(sent.size());
        for (Photo p : sent) {
            checkPhoto(p.fileName(), p.contentType(), p.data().length);
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 2000) {
            throw rejected(WorkOrderRejectedException.Kind.INVALID, "note: longer than 2000 characters");
        }
        CrewOrder done = inTx(() -> {
            CrewRows.Locked o = rows.mine(rows.lock(orderId), member);
            requireAccepted(o, member);
            orders.markDone(orderId, null, member.name(), PointSource.CREW_APP, text);
            long report = rows.insert(orderId, member.crewId(), member.tokenId(), "done", member.name(), text, null,
                    null);
            for (Photo p : sent) {
                jdbc.update("""
                        insert into work_order_photos (order_id, report_id, file_name, content_type, size_bytes, data,
                            uploaded_at) values (?, ?, ?, ?, ?, ?, ?)""", orderId, report, p.fileName(),
                        p.contentType(), p.data().length, p.data(), Timestamp.from(clock.instant()));
            }
            return view(orderId, member);
        });
        push("done", orderId, member.crew(), member.name(), text);
        return done;
    }

    /** Refuses more photos than the setting allows. @throws CrewAppRejectedException TOO_LARGE */
    public void checkPhotoCount(int count) {
        if (count > settings.photoMaxCount()) {
            throw new CrewAppRejectedException(Kind.TOO_LARGE, count + " photos (expected: at most "
                    + settings.photoMaxCount() + "); nothing was recorded");
        }
    }

    /**
     * Refuses a photo above the size limit (413) or of a type other than {@link #PHOTO_TYPES} (400), by what the
     * upload declares, before it is read.
     */
    public void checkPhoto(String fileName, String contentType, long size) {
        if (size > settings.photoMaxSize().toBytes()) {
            throw new CrewAppRejectedException(Kind.TOO_LARGE, "photo '" + fileName + "' has " + size
                    + " bytes (expected: at most " + settings.photoMaxSize().toBytes() + " each); nothing was recorded");
        }
        // photos are served back from this origin: only raster types, never SVG or HTML that could carry script
        if (contentType == null || !PHOTO_TYPES.contains(contentType.toLowerCase(Locale.ROOT))) {
            throw rejected(WorkOrderRejectedException.Kind.INVALID, "photo '" + fileName + "' is " + contentType
                    + " (expected: one of " + PHOTO_TYPES + ")");
        }
    }

    /** What crews reported on an order, oldest first. @throws WorkOrderRejectedException NOT_FOUND */
    public List<CrewReport> reports(long orderId) {
        orders.summary(orderId);
        return rows.reports(orderId);
    }

    /** Open orders whose crew could not go and that wait for another, with the last report (the reason). */
    public List<CrewReport> waitingForCrew() {
        return rows.waitingForCrew();
    }

    /** One photo: its content type and bytes. @throws WorkOrderRejectedException NOT_FOUND */
    public Photo photo(long orderId, long photoId) {
        return rows.photo(orderId, photoId);
    }

    private CrewOrder point(CrewMember member, long orderId, String kind,
                            Function<CrewRows.Locked, Point> which, Position p) {
        CrewOrder done = inTx(() -> {
            CrewRows.Locked o = rows.mine(rows.lock(orderId), member);
            requireAccepted(o, member);
            orders.recordPoint(orderId, which.apply(o), null, member.name(), PointSource.CREW_APP, null, null);
            rows.insert(orderId, member.crewId(), member.tokenId(), kind, member.name(), null, null, p);
            return view(orderId, member);
        });
        push(kind, orderId, member.crew(), member.name(), null);
        return done;
    }

    private CrewOrder report(CrewMember member, long orderId, String kind, String text, List<Material> materials) {
        CrewOrder done = inTx(() -> {
            CrewRows.Locked o = rows.mine(rows.lock(orderId), member);
            requireAccepted(o, member);
            if (o.resolved()) {
                throw rejected(WorkOrderRejectedException.Kind.CONFLICT, "order " + o.orderNo()
                        + " is reported done: nothing more is reported on it");
            }
            rows.insert(orderId, member.crewId(), member.tokenId(), kind, member.name(), text,
                    materials == null ? null : json(materials), null);
            return view(orderId, member);
        });
        push(kind, orderId, member.crew(), member.name(), text);
        return done;
    }

    private void requireAccepted(CrewRows.Locked o, CrewMember member) {
        if (!rows.accepted(o.id(), member.crewId())) {
            throw rejected(WorkOrderRejectedException.Kind.CONFLICT, "order " + o.orderNo() + ": accept it first");
        }
    }

    private CrewOrder view(long orderId, CrewMember member) {
        CrewRows.Locked o = rows.read(orderId);
        boolean accepted = rows.accepted(orderId, member.crewId());
        Point accept = o.type().acceptPoint();
        Point awaiting = o.awaiting();
        String next;
        if (o.resolved() || o.crewId() == null || o.crewId() != member.crewId()) {
            next = "none";
        } else if (!accepted) {
            next = awaiting != null && awaiting.ordinal() < previous(accept).ordinal() ? "wait" : "accept";
        } else if (awaiting == null) {
            next = "done";
        } else if (awaiting == accept.next()) {
            next = "depart";
        } else if (awaiting == o.arrivePoint()) {
            next = "arrive";
        } else {
            next = "wait";
        }
        return new CrewOrder(orders.summary(orderId), o.address(), o.summary(), member.crew(), accepted, next, null);
    }

    private static Point previous(Point p) {
        return p.ordinal() == 0 ? null : Point.values()[p.ordinal() - 1];
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.execute(s -> work.get());
    }

    // after commit, like WorkOrders' changes; with the order as lists show it, so a page updates its row in place
    private void push(String change, long orderId, String crew, String by, String text) {
        push(change, orderId, crew, by, text, null);
    }

    private void push(String change, long orderId, String crew, String by, String text, String previousCrew) {
        if (bus != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("change", change);
            data.put("crew", crew);
            data.put("previousCrew", previousCrew);
            data.put("by", by);
            data.put("text", text);
            data.put("order", orders.summary(orderId));
            bus.publish(PushMessage.SUPERVISORS, PUSH_TYPE, Json.write(data));
        }
    }

    private static String json(List<Material> materials) {
        try {
            return Json.MAPPER.writeValueAsString(materials);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("materials do not serialize", e);
        }
    }

    private static WorkOrderRejectedException rejected(WorkOrderRejectedException.Kind kind, String message) {
        return new WorkOrderRejectedException(kind, message);
    }
}
