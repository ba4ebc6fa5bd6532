package org.hotline.cti.agent;

import java.util.List;

/**
 * A person who signs in (agent, supervisor, administrator) with the phone interfaces that identify their phone to
 * the PBX and the queues they serve, by name. The first interface is the queue member's interface exactly as
 * Asterisk has it ({@code Local/1001@agents/n}), the one queue actions send; compare interfaces normalized
 * ({@link org.hotline.cti.call.AgentInterface#of}).
 */
public record AgentAccount(long id, String username, String displayName, Role role, boolean enabled,
                           List<String> interfaces, List<String> queues) {

    /** What a user may do. */
    public enum Role {
        /** Takes calls (坐席). */
        AGENT,
        /** Watches queues and agents, reads reports (班长). */
        SUPERVISOR,
        /** Manages users, queues and settings. */
        ADMIN
    }

    /** Copies the lists. */
    public AgentAccount {
        interfaces = List.copyOf(interfaces);
        queues = List.copyOf(queues);
    }
}
