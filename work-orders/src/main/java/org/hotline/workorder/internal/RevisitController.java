package org.hotline.workorder.internal;

import java.security.Principal;
import java.util.List;
import org.hotline.workorder.RevisitRules.Attempt;
import org.hotline.workorder.RevisitView;
import org.hotline.workorder.Revisits;
import org.hotline.workorder.Satisfaction;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Revisits (回访) for the hotline's agents: the open ones, and each call back with its outcome. */
@RestController
@RequestMapping("/api/work-orders/revisits")
@PreAuthorize(WorkOrderAccess.DESK)
class RevisitController {

    private final Revisits revisits;

    RevisitController(Revisits revisits) {
        this.revisits = revisits;
    }

    /** One call back: reached (with the customer's satisfaction) or not, notes, and the call placed, if known. */
    record AttemptRequest(Boolean reached, String satisfaction, String notes, String callId) {
    }

    @GetMapping
    List<RevisitView> open() {
        return revisits.open();
    }

    @GetMapping("/{id}")
    RevisitView one(@PathVariable long id) {
        return revisits.view(id);
    }

    @PostMapping("/{id}/attempts")
    RevisitView attempt(@PathVariable long id, @RequestBody(required = false) AttemptRequest r, Principal who) {
        if (r == null || r.reached() == null) {
            throw new IllegalArgumentException("reached: empty (expected: true when the customer answered, else false)");
        }
        Satisfaction s = r.satisfaction() == null || r.satisfaction().isBlank() ? null : Satisfaction.of(r.satisfaction());
        return revisits.record(id, new Attempt(r.reached(), s, r.notes()), r.callId(), who.getName());
    }
}
