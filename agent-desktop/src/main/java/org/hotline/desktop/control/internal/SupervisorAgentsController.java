package org.hotline.desktop.control.internal;

import java.security.Principal;
import java.util.Map;
import org.hotline.cti.presence.DeskStatus;
import org.hotline.cti.presence.Presence;
import org.hotline.desktop.control.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A supervisor forces an agent's pause or logout; each is audited, and the agent's desk shows it at once. */
@RestController
@RequestMapping("/api/supervisor/agents")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class SupervisorAgentsController {

    private final Presence presence;
    private final AuditLog audit;

    SupervisorAgentsController(Presence presence, AuditLog audit) {
        this.presence = presence;
        this.audit = audit;
    }

    @PostMapping("/{username}/pause")
    ResponseEntity<String> pause(Principal me, @PathVariable String username,
                                 @RequestBody(required = false) Map<String, String> body) {
        String reason = ControlController.field(body, "reason");
        DeskStatus before = presence.status(username);
        presence.pause(username, reason);
        audit.record(me.getName(), "force-pause", username, Map.of("reason", reason, "from", before.state().name()));
        return ControlController.json(presence.statusJson(username));
    }

    @PostMapping("/{username}/logout")
    ResponseEntity<String> logout(Principal me, @PathVariable String username) {
        DeskStatus before = presence.status(username);
        presence.logout(username);
        audit.record(me.getName(), "force-logout", username, Map.of("from", before.state().name()));
        return ControlController.json(presence.statusJson(username));
    }
}
