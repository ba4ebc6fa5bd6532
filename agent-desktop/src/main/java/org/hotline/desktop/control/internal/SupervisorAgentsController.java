package org.hotline.desktop.control.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.Teams;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.control.ControlResult;
import org.hotline.cti.presence.DeskStatus;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.spy.CallSupervision;
import org.hotline.cti.spy.SpyMode;
import org.hotline.desktop.control.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supervisor forces an agent's pause or logout, or listens to, whispers to or barges into the agent's call from the
 * own phone; a team lead does so for an agent of the own team or of one of the own queues. Each is audited, and the
 * agent's desk shows it at once (a supervisor on the call only where {@code hotline.spy.tell-agent} is on).
 */
@RestController
@RequestMapping("/api/supervisor/agents")
@PreAuthorize("hasAnyRole('TEAM_LEAD', 'SUPERVISOR', 'ADMIN')")
class SupervisorAgentsController {

    private final Presence presence;
    private final AuditLog audit;
    private final AgentDirectory directory;
    private final Teams teams;
    private final CallSupervision supervision;

    SupervisorAgentsController(Presence presence, AuditLog audit, AgentDirectory directory, Teams teams,
                               CallSupervision supervision) {
        this.presence = presence;
        this.audit = audit;
        this.directory = directory;
        this.teams = teams;
        this.supervision = supervision;
    }

    // a team lead leads the own team's agents, and those of the own queues; supervisors and administrators everyone
    private void requireOwnTeam(Principal me, String username) {
        AgentAccount lead = directory.findByUsername(me.getName()).orElse(null);
        if (lead == null || lead.role() != AgentAccount.Role.TEAM_LEAD) {
            return;
        }
        AgentAccount agent = directory.findByUsername(username).orElse(null);
        Optional<String> team = teams.teamOf(lead.username());
        boolean sameTeam = team.isPresent() && team.equals(teams.teamOf(username));
        // an unknown user is the desk's own refusal (no such agent), the same for every role
        if (agent != null && !sameTeam && agent.queues().stream().noneMatch(lead.queues()::contains)) {
            throw new ControlException(ControlException.Kind.NOT_YOUR_CALL, "not-your-team", "'" + username
                    + "' serves none of your queues " + lead.queues() + " (expected: an agent of your own team)",
                    "", null, null);
        }
    }

    @PostMapping("/{username}/pause")
    ResponseEntity<String> pause(Principal me, @PathVariable String username,
                                 @RequestBody(required = false) Map<String, String> body) {
        requireOwnTeam(me, username);
        String reason = ControlController.field(body, "reason");
        DeskStatus before = presence.status(username);
        presence.pause(username, reason);
        audit.record(me.getName(), "force-pause", username, Map.of("reason", reason, "from", before.state().name()));
        return ControlController.json(presence.statusJson(username));
    }

    @PostMapping("/{username}/logout")
    ResponseEntity<String> logout(Principal me, @PathVariable String username) {
        requireOwnTeam(me, username);
        DeskStatus before = presence.status(username);
        presence.logout(username);
        audit.record(me.getName(), "force-logout", username, Map.of("from", before.state().name()));
        return ControlController.json(presence.statusJson(username));
    }

    /**
     * Rings the caller's own phone and puts it on the agent's call: {@code {"mode": "listen|whisper|barge"}}. Audited
     * whether the PBX confirmed it or not, with the outcome.
     */
    @PostMapping("/{username}/spy")
    Map<String, String> spy(Principal me, @PathVariable String username,
                            @RequestBody(required = false) Map<String, String> body) {
        String word = ControlController.field(body, "mode");
        SpyMode mode = SpyMode.of(word);
        if (mode == null) {
            throw ControlException.of(ControlException.Kind.INVALID, "bad-mode", "mode: '" + word
                    + "' (expected: listen, whisper or barge)", "");
        }
        requireOwnTeam(me, username);
        String told = supervision.properties().tellAgent() ? "yes" : "no";
        try {
            ControlResult r = supervision.spy(me.getName(), username, mode);
            audit.record(me.getName(), "spy-" + mode.code(), username, Map.of("outcome", "done",
                    "confirmedBy", r.confirmedBy(), "agentTold", told));
            return ControlController.done(r);
        } catch (ControlException e) {
            audit.record(me.getName(), "spy-" + mode.code(), username, Map.of("outcome", e.outcome().wire(),
                    "code", e.code(), "agentTold", told));
            throw e;
        }
    }
}
