package org.hotline.desktop.outage.internal;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.cti.outage.NewOutage;
import org.hotline.cti.outage.Outage;
import org.hotline.cti.outage.OutageBoard;
import org.hotline.cti.outage.OutageDesk;
import org.hotline.cti.outage.OutageKind;
import org.hotline.cti.outage.OutageRejectedException;
import org.hotline.cti.outage.OutageStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Supervisors' outage endpoints: lists, declare, extend, restore and the big-screen board. */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class OutageController {

    /** Body of a declaration. */
    record Declare(String kind, String lineCode, String areaCode, String reason, Instant startsAt,
                   Instant expectedEndAt) {
    }

    /** Body of an extension. */
    record Extend(Instant expectedEndAt) {
    }

    private final OutageDesk desk;
    private final OutageStatus status;

    OutageController(OutageDesk desk, OutageStatus status) {
        this.desk = desk;
        this.status = status;
    }

    @GetMapping("/api/outages")
    List<OutageJson> list(@RequestParam(defaultValue = "current") String state) {
        return OutageJson.of(status.list(OutageStatus.State.parse(state)));
    }

    @GetMapping("/api/outages/{id}")
    OutageJson one(@PathVariable long id) {
        return status.find(id).map(OutageJson::of).orElseThrow(() -> new OutageRejectedException(
                OutageRejectedException.Reason.NOT_FOUND, "no outage " + id));
    }

    @PostMapping("/api/outages")
    @ResponseStatus(HttpStatus.CREATED)
    OutageJson declare(@RequestBody Declare body, Principal user) {
        if (body == null) {
            throw new IllegalArgumentException("body: missing");
        }
        Outage o = desk.declare(new NewOutage(kind(body.kind()), body.lineCode(), body.areaCode(), body.reason(),
                body.startsAt(), body.expectedEndAt()), user.getName());
        return view(o);
    }

    @PostMapping("/api/outages/{id}/extend")
    OutageJson extend(@PathVariable long id, @RequestBody Extend body, Principal user) {
        return view(desk.extend(id, body == null ? null : body.expectedEndAt(), user.getName()));
    }

    @PostMapping("/api/outages/{id}/restore")
    OutageJson restore(@PathVariable long id, Principal user) {
        return view(desk.restore(id, user.getName()));
    }

    @GetMapping("/api/outages/board")
    Map<String, Object> board() {
        OutageBoard b = status.board();
        return Map.of("outages", OutageJson.of(b.outages()), "customersAffected", b.customersAffected(),
                "callsFromAffectedAreasLastHour", b.callsFromAffectedAreasLastHour());
    }

    private OutageJson view(Outage o) {
        return status.find(o.id()).map(OutageJson::of).orElseThrow();
    }

    private static OutageKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OutageKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OutageRejectedException(OutageRejectedException.Reason.INVALID,
                    "kind: " + text + " (expected: planned or unplanned)");
        }
    }
}
