package org.hotline.desktop.queues.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.QueueDirectory;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.QueueMembership;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.presence.DeskRules;
import org.hotline.cti.presence.DeskRulesStore;
import org.hotline.cti.presence.Presence;
import org.hotline.desktop.control.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators manage the call queues (issue #13, ADR 0025): create and rename them, their service level and
 * wrap-up, who serves each at which penalty (the skill routing Asterisk does), and the pause reasons per queue; every
 * change audited, in force on the next call or pause without a restart. The list is checked against what the PBX
 * reports: queues it does not have, queues it has that Hotline does not know, and members whose penalty differs.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class QueueAdminController {

    /** A new queue. */
    record NewQueue(String name, String displayName, Integer serviceLevelSeconds) {
    }

    /** A queue's settings as the form sends them (wrap-up fields empty: the settings'). */
    record QueueChange(String displayName, Integer serviceLevelSeconds, Integer wrapUpSeconds,
                       Integer wrapUpExtensionSeconds, Boolean hiddenFromBigScreen) {
    }

    /** A member's new penalty. */
    record PenaltyChange(Integer penalty) {
    }

    /** A pause reason as the form sends it. */
    record ReasonChange(String zh, String en, List<String> queues, Integer position, Boolean enabled) {
    }

    private final QueueDirectory queues;
    private final DeskRulesStore rules;
    private final AgentDirectory agents;
    private final Presence presence;
    private final AuditLog audit;
    private final ObjectProvider<CallTracker> tracker;

    QueueAdminController(QueueDirectory queues, DeskRulesStore rules, AgentDirectory agents, Presence presence,
                         AuditLog audit, ObjectProvider<CallTracker> tracker) {
        this.queues = queues;
        this.rules = rules;
        this.agents = agents;
        this.presence = presence;
        this.audit = audit;
        this.tracker = tracker;
    }

    @GetMapping("/api/admin/queues")
    Map<String, Object> list() {
        CallTracker t = tracker.getIfAvailable();
        Set<String> onPbx = t == null ? Set.of() : t.pbxQueues();
        List<QueueMembership> memberships = t == null ? List.of() : t.memberships();
        Map<String, String> userByInterface = new HashMap<>();
        for (AgentAccount a : agents.all()) {
            a.interfaces().forEach(i -> userByInterface.put(AgentInterface.of(i).value(), a.username()));
        }
        Map<String, DeskRulesStore.QueueWrapUp> wrapUps = new HashMap<>();
        rules.wrapUps().forEach(w -> wrapUps.put(w.queue(), w));
        DeskRules.WrapUp defaults = rules.current().defaults();
        Set<String> hidden = queues.hiddenFromBigScreen();
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        for (QueueDirectory.Queue q : queues.all()) {
            known.add(q.name());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", q.name());
            row.put("displayName", q.displayName());
            row.put("serviceLevelSeconds", q.serviceLevelSeconds());
            DeskRulesStore.QueueWrapUp w = wrapUps.get(q.name());
            row.put("wrapUpSeconds", w == null ? null : w.wrapUpSeconds());
            row.put("wrapUpExtensionSeconds", w == null ? null : w.extensionSeconds());
            row.put("hiddenFromBigScreen", hidden.contains(q.name()));
            // null: the PBX's queue list is not known yet (no AMI, or before the first member re-sync)
            row.put("onPbx", onPbx.isEmpty() ? null : onPbx.contains(q.name()));
            row.put("members", members(q, memberships, userByInterface));
            rows.add(row);
        }
        Set<String> pbxOnly = new TreeSet<>(onPbx);
        pbxOnly.removeAll(known);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queues", rows);
        out.put("pbxOnly", pbxOnly);
        out.put("pbxKnown", !onPbx.isEmpty());
        out.put("defaultWrapUpSeconds", defaults.length().toSeconds());
        out.put("defaultWrapUpExtensionSeconds", defaults.extension() == null ? 0 : defaults.extension().toSeconds());
        return out;
    }

    // each configured member beside what the PBX has for it, and the PBX's members nobody configured
    private static List<Map<String, Object>> members(QueueDirectory.Queue q, List<QueueMembership> memberships,
                                                     Map<String, String> userByInterface) {
        Map<String, QueueMembership> onPbx = new LinkedHashMap<>();
        for (QueueMembership m : memberships) {
            if (m.queue().equals(q.name())) {
                onPbx.put(userByInterface.getOrDefault(m.agent().value(), "iface:" + m.memberInterface()), m);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (QueueDirectory.Member m : q.members()) {
            seen.add(m.username());
            QueueMembership p = onPbx.get(m.username());
            out.add(member(m.username(), m.displayName(), m.penalty(), p));
        }
        onPbx.forEach((user, p) -> {
            if (!seen.contains(user)) {
                out.add(member(user.startsWith("iface:") ? null : user, p.memberName(), null, p));
            }
        });
        return out;
    }

    private static Map<String, Object> member(String username, String name, Integer penalty, QueueMembership p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("username", username);
        row.put("displayName", name);
        row.put("penalty", penalty);
        row.put("signedIn", p != null);
        row.put("pbxInterface", p == null ? null : p.memberInterface());
        row.put("pbxPenalty", p == null ? null : p.penalty());
        row.put("paused", p != null && p.paused());
        return row;
    }

    @PostMapping("/api/admin/queues")
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) NewQueue q, Principal who) {
        if (q == null) {
            return refused(HttpStatus.BAD_REQUEST, "body: empty (expected: name, displayName, serviceLevelSeconds)");
        }
        int level = q.serviceLevelSeconds() == null ? 20 : q.serviceLevelSeconds();
        if (!queues.create(q.name(), q.displayName(), level)) {
            return refused(HttpStatus.CONFLICT, "name: a queue '" + q.name() + "' exists already");
        }
        audit.record(who.getName(), "queue-created", "queue:" + q.name(), Map.of("displayName", q.displayName(),
                "serviceLevelSeconds", level));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("name", q.name()));
    }

    @PutMapping("/api/admin/queues/{name}")
    ResponseEntity<Map<String, Object>> change(@PathVariable String name,
                                               @RequestBody(required = false) QueueChange c, Principal who) {
        if (c == null || c.serviceLevelSeconds() == null) {
            return refused(HttpStatus.BAD_REQUEST, "displayName, serviceLevelSeconds: empty");
        }
        if (!queues.update(name, c.displayName(), c.serviceLevelSeconds())) {
            return refused(HttpStatus.NOT_FOUND, "no queue '" + name + "'");
        }
        rules.setWrapUp(name, c.wrapUpSeconds(), c.wrapUpExtensionSeconds());
        // null: as it was (a form of an older page)
        if (c.hiddenFromBigScreen() != null) {
            queues.setHiddenFromBigScreen(name, c.hiddenFromBigScreen());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("displayName", c.displayName());
        detail.put("serviceLevelSeconds", c.serviceLevelSeconds());
        detail.put("wrapUpSeconds", c.wrapUpSeconds() == null ? "settings" : c.wrapUpSeconds());
        detail.put("wrapUpExtensionSeconds", c.wrapUpExtensionSeconds() == null ? "settings"
                : c.wrapUpExtensionSeconds());
        if (c.hiddenFromBigScreen() != null) {
            detail.put("hiddenFromBigScreen", c.hiddenFromBigScreen());
        }
        audit.record(who.getName(), "queue-changed", "queue:" + name, detail);
        return ResponseEntity.ok(Map.of("name", name));
    }

    @PutMapping("/api/admin/queues/{name}/members/{username}")
    ResponseEntity<Map<String, Object>> penalty(@PathVariable String name, @PathVariable String username,
                                                @RequestBody(required = false) PenaltyChange c, Principal who) {
        if (c == null || c.penalty() == null) {
            return refused(HttpStatus.BAD_REQUEST, "penalty: empty (expected: 0, the first choice, to 100)");
        }
        if (!queues.setPenalty(name, username, c.penalty())) {
            return refused(HttpStatus.NOT_FOUND, "'" + username + "' does not serve queue '" + name
                    + "' (expected: a member: add the queue to the user on the users page)");
        }
        boolean told;
        try {
            told = presence.penaltyChanged(username, name, c.penalty());
        } catch (ControlException e) {
            audit.record(who.getName(), "queue-penalty-changed", username, Map.of("queue", name,
                    "penalty", c.penalty(), "pbx", "failed: " + e.getMessage()));
            return refused(HttpStatus.BAD_GATEWAY, "saved, but the PBX did not take the new penalty now ("
                    + e.getMessage() + "); it applies at the agent's next log-in");
        }
        audit.record(who.getName(), "queue-penalty-changed", username, Map.of("queue", name, "penalty", c.penalty(),
                "pbx", told ? "applied" : "at next log-in"));
        return ResponseEntity.ok(Map.of("queue", name, "username", username, "penalty", c.penalty(),
                "appliedOnPbx", told));
    }

    @GetMapping("/api/admin/pause-reasons")
    List<Map<String, Object>> reasons() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DeskRulesStore.StoredReason s : rules.reasons()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", s.reason().code());
            row.put("zh", s.reason().zh());
            row.put("en", s.reason().en());
            row.put("queues", new TreeSet<>(s.reason().queues()));
            row.put("position", s.position());
            row.put("enabled", s.enabled());
            out.add(row);
        }
        return out;
    }

    @PutMapping("/api/admin/pause-reasons/{code}")
    ResponseEntity<Map<String, Object>> putReason(@PathVariable String code,
                                                  @RequestBody(required = false) ReasonChange c, Principal who) {
        if (c == null || c.zh() == null || c.zh().isBlank()) {
            return refused(HttpStatus.BAD_REQUEST, "zh: empty (expected: the Chinese label agents see)");
        }
        DeskRules.Reason reason = new DeskRules.Reason(code, c.zh(), c.en(),
                c.queues() == null ? Set.of() : Set.copyOf(c.queues()));
        boolean enabled = c.enabled() == null || c.enabled();
        rules.putReason(new DeskRulesStore.StoredReason(reason, c.position() == null ? 0 : c.position(), enabled),
                who.getName());
        audit.record(who.getName(), "pause-reason-saved", "pause-reason:" + code, Map.of("zh", reason.zh(),
                "en", reason.en(), "queues", new TreeSet<>(reason.queues()), "enabled", enabled));
        return ResponseEntity.ok(Map.of("code", code, "enabled", enabled));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        return refused(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
