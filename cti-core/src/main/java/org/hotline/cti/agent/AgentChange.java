package org.hotline.cti.agent;

import java.util.List;
import java.util.Objects;

/**
 * Change a user's name, role, phone interfaces and queues (all of them, as on the administrator's form); the
 * interfaces and queues are normalized as for a new user ({@link NewAgent}).
 */
public record AgentChange(String displayName, AgentAccount.Role role, List<String> interfaces, List<String> queues) {

    /** Validates and normalizes the command. */
    public AgentChange {
        Objects.requireNonNull(role, "role");
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("displayName: empty (expected: the person's name)");
        }
        displayName = displayName.strip();
        if (displayName.length() > 100) {
            throw new IllegalArgumentException("displayName: " + displayName.length() + " characters (expected: <= 100)");
        }
        interfaces = interfaces == null ? List.of() : NewAgent.interfaces(interfaces);
        queues = queues == null ? List.of() : queues.stream().map(String::strip).filter(q -> !q.isEmpty()).distinct()
                .toList();
    }
}
