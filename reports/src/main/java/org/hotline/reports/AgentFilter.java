package org.hotline.reports;

import java.util.List;

/**
 * Which agents an agent, team or agent-time report keeps: agents by phone or user name, teams by name; empty lists
 * keep everyone.
 */
public record AgentFilter(List<String> agents, List<String> teams) {

    /** Everyone. */
    public static final AgentFilter EVERYONE = new AgentFilter(List.of(), List.of());

    /** Copies the lists, dropping blanks; refuses names longer than 100 characters. */
    public AgentFilter {
        agents = agents == null ? List.of() : agents.stream().filter(a -> !a.isBlank()).map(String::strip).toList();
        teams = teams == null ? List.of() : teams.stream().filter(a -> !a.isBlank()).map(String::strip).toList();
        for (String name : agents) {
            if (name.length() > 100) {
                throw new ReportRequestException("agent: too long (expected: a phone or user name of <= 100)");
            }
        }
        for (String name : teams) {
            if (name.length() > 100) {
                throw new ReportRequestException("team: too long (expected: a team name of <= 100)");
            }
        }
    }

    /** The SQL condition over {@code a} (agent_interface), {@code u} (users) and {@code t} (teams); adds its args. */
    String sql(List<Object> args) {
        StringBuilder where = new StringBuilder();
        if (!agents.isEmpty()) {
            where.append(" and (a.agent_interface = any(?) or u.username = any(?))");
            args.add(agents.toArray(String[]::new));
            args.add(agents.toArray(String[]::new));
        }
        if (!teams.isEmpty()) {
            where.append(" and t.name = any(?)");
            args.add(teams.toArray(String[]::new));
        }
        return where.toString();
    }
}
