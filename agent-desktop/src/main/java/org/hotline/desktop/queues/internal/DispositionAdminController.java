package org.hotline.desktop.queues.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.cti.agent.QueueDirectory;
import org.hotline.cti.presence.DeskRules;
import org.hotline.cti.presence.DeskRulesStore;
import org.hotline.desktop.control.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators manage the call outcomes (通话结果, ADR 0036): the company's codes with their labels, queues, order
 * and whether they are still offered (retired, never deleted: past calls keep their labels), and per queue whether
 * an agent must choose one before ending the wrap-up. Every change audited, in force on the next desk command.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class DispositionAdminController {

    /** A call outcome as the form sends it. */
    record OutcomeChange(String zh, String en, List<String> queues, Integer position, Boolean active) {
    }

    /** Whether a queue requires an outcome. */
    record RequiredChange(Boolean required) {
    }

    private final DeskRulesStore rules;
    private final QueueDirectory queues;
    private final AuditLog audit;

    DispositionAdminController(DeskRulesStore rules, QueueDirectory queues, AuditLog audit) {
        this.rules = rules;
        this.queues = queues;
        this.audit = audit;
    }

    @GetMapping("/api/admin/outcomes")
    Map<String, Object> list() {
        List<Map<String, Object>> codes = new ArrayList<>();
        for (DeskRulesStore.StoredDisposition s : rules.dispositions()) {
            DeskRules.Disposition d = s.disposition();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", d.code());
            row.put("zh", d.zh());
            row.put("en", d.en());
            row.put("queues", new TreeSet<>(d.queues()));
            row.put("position", s.position());
            row.put("active", d.active());
            codes.add(row);
        }
        Set<String> required = rules.dispositionRequired();
        List<Map<String, Object>> perQueue = new ArrayList<>();
        for (QueueDirectory.Queue q : queues.all()) {
            perQueue.add(Map.of("name", q.name(), "displayName", q.displayName(), "required",
                    required.contains(q.name())));
        }
        return Map.of("outcomes", codes, "queues", perQueue);
    }

    @PutMapping("/api/admin/outcomes/{code}")
    ResponseEntity<Map<String, Object>> put(@PathVariable String code, @RequestBody(required = false) OutcomeChange c,
                                            Principal who) {
        if (c == null || c.zh() == null || c.zh().isBlank()) {
            return refused("zh: empty (expected: the Chinese label agents see)");
        }
        boolean active = c.active() == null || c.active();
        DeskRules.Disposition d = new DeskRules.Disposition(code, c.zh(), c.en(),
                c.queues() == null ? Set.of() : Set.copyOf(c.queues()), active);
        int position = c.position() == null ? 0 : c.position();
        if (position < 0 || position > 999) {
            return refused("position: " + position + " (expected: 0 to 999)");
        }
        rules.putDisposition(new DeskRulesStore.StoredDisposition(d, position), who.getName());
        audit.record(who.getName(), "outcome-saved", "outcome:" + code, Map.of("zh", d.zh(), "en", d.en(),
                "queues", new TreeSet<>(d.queues()), "active", active, "position", position));
        return ResponseEntity.ok(Map.of("code", code, "active", active));
    }

    @PutMapping("/api/admin/queues/{name}/outcome-required")
    ResponseEntity<Map<String, Object>> required(@PathVariable String name,
                                                 @RequestBody(required = false) RequiredChange c, Principal who) {
        if (c == null || c.required() == null) {
            return refused("required: empty (expected: true or false)");
        }
        if (!rules.setDispositionRequired(name, c.required())) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "queue '" + name + "': not found"));
        }
        audit.record(who.getName(), "outcome-required-saved", "queue:" + name, Map.of("required", c.required()));
        return ResponseEntity.ok(Map.of("queue", name, "required", c.required()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        return refused(e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> refused(String message) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", message));
    }
}
