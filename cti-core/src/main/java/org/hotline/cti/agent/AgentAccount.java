package org.hotline.cti.agent;

import java.util.List;

/**
 * A person who signs in (agent, supervisor, administrator) with the phone interfaces that identify their phone to
 * the PBX (normalized like {@link org.hotline.cti.call.AgentInterface#of}) and the queues they serve, by name.
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
