package org.hotline.cti.agent;

import java.util.List;

/**
 * A person who signs in (agent, team lead, supervisor, dispatcher, crew member, administrator) with the phone interfaces that identify their phone to
 * the PBX and the queues they serve, by name. The first interface is the queue member's interface exactly as
 * Asterisk has it ({@code Local/1001@agents/n}), the one queue actions send; compare interfaces normalized
 * ({@link org.hotline.cti.call.AgentInterface#of}).
 */
public record AgentAccount(long id, String username, String displayName, Role role, boolean enabled,
                           List<String> interfaces, List<String> queues) {

    /** What a user may do (docs/adr/0024). */
    public enum Role {
        /** Takes calls (坐席). */
        AGENT,
        /** Takes calls and watches the floor; acts on the agents and callbacks of the own queues (组长). */
        TEAM_LEAD,
        /** Watches queues and agents, declares outages, runs SMS campaigns, routes work orders (班长 / 值长). */
        SUPERVISOR,
        /** Routes the work orders of a repair centre to teams and crews, acknowledges their alarms (调度员). */
        DISPATCHER,
        /** Works the orders of the own crew on the crew page, signed in with a password (抢修人员). */
        CREW,
        /** Manages users, queues and settings. */
        ADMIN;

        /** Whether users of this role take calls at a desk: they have a desk state and a row on the wallboard. */
        public boolean takesCalls() {
            return this == AGENT || this == TEAM_LEAD;
        }

        /** The roles, as the admin pages and error messages list them. */
        public static String names() {
            return java.util.Arrays.stream(values()).map(Enum::name)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /** Copies the lists. */
    public AgentAccount {
        interfaces = List.copyOf(interfaces);
        queues = List.copyOf(queues);
    }
}
