package org.hotline.workorder.internal;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.workorder.AlarmView;
import org.hotline.workorder.CreateWorkOrder;
import org.hotline.workorder.CustomerPremises;
import org.hotline.workorder.OrderType;
import org.hotline.workorder.Point;
import org.hotline.workorder.PointSource;
import org.hotline.workorder.WorkOrderSummary;
import org.hotline.workorder.WorkOrderTimeline;
import org.hotline.workorder.WorkOrderUnit;
import org.hotline.workorder.WorkOrders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work-order API: agents and team leads create orders, record points and read; dispatchers and supervisors also
 * re-route, close and acknowledge alarms; administrators register units. Roles are checked here on the server, never
 * only in the page.
 */
@RestController
@RequestMapping("/api/work-orders")
@PreAuthorize(WorkOrderAccess.USERS)
class WorkOrderController {

    private static final String ROUTERS = WorkOrderAccess.ROUTERS;

    private final WorkOrders orders;
    private final ObjectProvider<PushBus> bus;

    WorkOrderController(WorkOrders orders, ObjectProvider<PushBus> bus) {
        this.orders = orders;
        this.bus = bus;
    }

    /** A create request; {@code link} is the open order to attach this report to, {@code force} a second order. */
    record CreateRequest(String type, String callId, Long customerId, Long premisesId, String callerNumber,
                         String summary, Instant startedAt, Long link, Boolean force) {
    }

    /** A point to record; {@code correctionReason} makes it a correction of a recorded point. */
    record PointRequest(String point, Instant at, String unit, String source, String correctionReason) {
    }

    /** A re-route: the hand-over point that went wrong (B or D) and where to instead. */
    record RerouteRequest(String after, String repairCentre, String team, String reason) {
    }

    /** A close or reopen with its reason. */
    record CloseRequest(String reason) {
    }

    /** "Done" recorded at a desk for a crew without the app: when, and what was found or done. */
    record DoneRequest(Instant at, String note) {
    }

    @GetMapping("/types")
    Map<String, OrderType> types() {
        return orders.types();
    }

    @PostMapping
    ResponseEntity<WorkOrderSummary> create(@RequestBody CreateRequest r, Principal who) {
        if (r == null) {
            throw new IllegalArgumentException("body: empty (expected: the order's type and call or customer)");
        }
        WorkOrderSummary created = orders.create(new CreateWorkOrder(r.type(), r.callId(), r.customerId(),
                r.premisesId(), r.callerNumber(), r.summary(), r.startedAt(), r.link(),
                Boolean.TRUE.equals(r.force()), who.getName(), PointSource.DESK));
        return ResponseEntity.status(r.link() != null ? HttpStatus.OK : HttpStatus.CREATED).body(created);
    }

    @GetMapping
    List<WorkOrderSummary> open(@RequestParam(required = false) String type,
                                @RequestParam(required = false) String repairCentre,
                                @RequestParam(required = false) Long customerId) {
        if (customerId != null) {
            return orders.openForCustomer(customerId);
        }
        return orders.open(blankToNull(type), blankToNull(repairCentre));
    }

    /** The customer's premises, for the agent to say which has the fault. */
    @GetMapping("/premises")
    List<CustomerPremises> premises(@RequestParam long customerId) {
        return orders.premisesOf(customerId);
    }

    @GetMapping("/units")
    List<WorkOrderUnit> units(Authentication who) {
        boolean admin = who != null && who.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        // managers' mobile numbers are personal data: only administrators (who maintain them) read them; the
        // escalation SMS is sent by the server, so no page of an agent or dispatcher needs them
        return admin ? orders.units() : orders.units().stream().map(u -> new WorkOrderUnit(u.code(), u.name(),
                u.kind(), u.repairCentre(), u.parent(), u.sameSite(), u.manager1Name(), null, u.manager2Name(),
                null)).toList();
    }

    @PutMapping("/units/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    WorkOrderUnit saveUnit(@PathVariable String code, @RequestBody WorkOrderUnit unit) {
        if (unit == null) {
            throw new IllegalArgumentException("body: empty (expected: the unit)");
        }
        return orders.saveUnit(new WorkOrderUnit(code, unit.name(), unit.kind(), unit.repairCentre(), unit.parent(),
                unit.sameSite(), unit.manager1Name(), unit.manager1Phone(), unit.manager2Name(),
                unit.manager2Phone()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/{id}")
    WorkOrderTimeline timeline(@PathVariable long id) {
        return orders.timeline(id);
    }

    @PostMapping("/{id}/points")
    WorkOrderSummary point(@PathVariable long id, @RequestBody PointRequest r, Principal who) {
        if (r == null || r.point() == null) {
            throw new IllegalArgumentException("point: empty (expected: a letter A to L)");
        }
        PointSource source = r.source() == null ? PointSource.DESK : PointSource.of(r.source());
        if (source == PointSource.SYSTEM) {
            throw new IllegalArgumentException("source: system (expected: desk, crew_app or ivr; the server records "
                    + "system points itself)");
        }
        return orders.recordPoint(id, Point.of(r.point()), r.at(), who.getName(), source, r.unit(),
                r.correctionReason());
    }

    @PostMapping("/{id}/reroute")
    @PreAuthorize(ROUTERS)
    WorkOrderSummary reroute(@PathVariable long id, @RequestBody RerouteRequest r, Principal who) {
        if (r == null || r.after() == null) {
            throw new IllegalArgumentException("after: empty (expected: the hand-over point that went wrong, B or D)");
        }
        return orders.reroute(id, Point.of(r.after()), r.repairCentre(), r.team(), r.reason(), who.getName());
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(ROUTERS)
    WorkOrderSummary close(@PathVariable long id, @RequestBody(required = false) CloseRequest r, Principal who) {
        return orders.close(id, r == null ? null : r.reason(), who.getName());
    }

    @PostMapping("/{id}/done")
    @PreAuthorize(ROUTERS)
    WorkOrderSummary done(@PathVariable long id, @RequestBody(required = false) DoneRequest r, Principal who) {
        return orders.markDone(id, r == null ? null : r.at(), who.getName(), PointSource.DESK,
                r == null ? null : r.note());
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize(ROUTERS)
    WorkOrderSummary reopen(@PathVariable long id, @RequestBody(required = false) CloseRequest r, Principal who) {
        return orders.reopen(id, r == null ? null : r.reason(), who.getName());
    }

    @GetMapping("/alarms")
    @PreAuthorize(ROUTERS)
    List<AlarmView> alarms() {
        return orders.unacknowledgedAlarms();
    }

    @PostMapping("/alarms/{id}/ack")
    @PreAuthorize(ROUTERS)
    AlarmView acknowledge(@PathVariable long id, Principal who) {
        AlarmView acknowledged = orders.acknowledge(id, who.getName());
        // every other dispatcher's page drops it too, instead of someone acting on it a second time
        bus.ifAvailable(b -> b.publish(PushMessage.SUPERVISORS, AlarmView.PUSH_TYPE, Json.write(acknowledged)));
        return acknowledged;
    }
}
