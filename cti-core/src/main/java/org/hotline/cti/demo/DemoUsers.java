package org.hotline.cti.demo;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's queues and users, matching the lab PBX ({@code testdata/ami/asterisk-conf}): queue {@code hotline}
 * with {@code agent1001}…{@code agent1004}, queue {@code gas} with {@code agent2001}…{@code agent2003} and
 * {@code agent1003} at penalty 5, a {@code burst} queue for load tests, plus {@code teamlead} (queue {@code hotline}),
 * {@code supervisor} (extension 1900, in no queue), {@code dispatcher}, {@code crew} (the server binds it to a demo crew) and {@code admin}.
 * Each agent has the interfaces {@code Local/<ext>@agents/n} (the queue member's exact interface, as
 * docker/asterisk's dialplan names it) and {@code PJSIP/<ext>}. Demo passwords:
 * agents {@value #AGENT_PASSWORD}, supervisor {@value #SUPERVISOR_PASSWORD}, admin {@value #ADMIN_PASSWORD}, the
 * others {@code hotline-<username>}.
 */
public final class DemoUsers {

    /** Password of every demo agent. */
    public static final String AGENT_PASSWORD = "hotline-agent";
    /** The demo supervisor's own extension (listen, whisper and barge ring it). */
    public static final int SUPERVISOR_EXTENSION = 1900;
    /** Password of the demo supervisor. */
    public static final String SUPERVISOR_PASSWORD = "hotline-supervisor";
    /** Password of the demo administrator. */
    public static final String ADMIN_PASSWORD = "hotline-admin";
    /** Password of the demo team lead. */
    public static final String TEAM_LEAD_PASSWORD = "hotline-teamlead";
    /** Password of the demo dispatcher. */
    public static final String DISPATCHER_PASSWORD = "hotline-dispatcher";
    /** Password of the demo crew member. */
    public static final String CREW_PASSWORD = "hotline-crew";

    private static final String[][] QUEUES = {{"hotline", "供电服务热线"}, {"gas", "燃气服务热线"}, {"burst", "压力测试"}};
    private static final String[] AGENT_NAMES = {"", "陈晓燕", "刘建军", "周丽娟", "孙浩然"};
    private static final String[] GAS_AGENT_NAMES = {"", "吴志文", "郑雨桐", "冯国强"};

    private DemoUsers() {
    }

    /** Creates whatever of the demo queues and users is missing; returns the ids of the demo agents. */
    public static long[] ensure(DataSource dataSource, AgentDirectory agents) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String[] q : QUEUES) {
            // the load-test queue stays off the big screen (issue #16)
            jdbc.update("insert into queues (name, display_name, service_level_seconds, hidden_from_big_screen)"
                    + " values (?, ?, 30, ?) on conflict (name) do nothing", q[0], q[1], q[0].equals("burst"));
        }
        List<NewAgent> wanted = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            int ext = 1000 + n;
            wanted.add(agent("agent" + ext, AGENT_NAMES[n], ext, "hotline"));
        }
        for (int n = 1; n <= 3; n++) {
            int ext = 2000 + n;
            wanted.add(agent("agent" + ext, GAS_AGENT_NAMES[n], ext, "gas"));
        }
        // the supervisor's own phone, which listen, whisper and barge ring (docs/adr/0031); in no queue
        wanted.add(new NewAgent("supervisor", "值班长 林海", SUPERVISOR_PASSWORD, AgentAccount.Role.SUPERVISOR,
                List.of(memberInterface(SUPERVISOR_EXTENSION), "PJSIP/" + SUPERVISOR_EXTENSION), List.of()));
        wanted.add(new NewAgent("admin", "系统管理员", ADMIN_PASSWORD, AgentAccount.Role.ADMIN, List.of(), List.of()));
        wanted.add(new NewAgent("teamlead", "组长 何静", TEAM_LEAD_PASSWORD, AgentAccount.Role.TEAM_LEAD, List.of(),
                List.of("hotline")));
        wanted.add(new NewAgent("dispatcher", "调度员 马卫东", DISPATCHER_PASSWORD, AgentAccount.Role.DISPATCHER,
                List.of(), List.of()));
        wanted.add(new NewAgent("crew", "抢修人员 杨帆", CREW_PASSWORD, AgentAccount.Role.CREW, List.of(), List.of()));
        List<Long> agentIds = new ArrayList<>();
        for (NewAgent a : wanted) {
            AgentAccount account = agents.findByUsername(a.username()).orElseGet(() -> agents.create(a));
            if (account.role() == AgentAccount.Role.AGENT) {
                agentIds.add(account.id());
            }
        }
        // agent 1003 also serves gas at penalty 5, as in queues.conf
        jdbc.update("""
                insert into queue_members (queue_id, user_id, penalty)
                select q.id, u.id, 5 from queues q, users u where q.name = 'gas' and u.username = 'agent1003'
                on conflict do nothing""");
        return agentIds.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Disables every demo user that still has its published password (a server that ran the demo and now runs for
     * real); returns their user names. Users whose password was changed are left alone.
     */
    public static List<String> disablePublished(AgentDirectory agents) {
        List<String> disabled = new ArrayList<>();
        for (String[] user : published()) {
            if (agents.verify(user[0], user[1]) && agents.setEnabled(user[0], false)) {
                disabled.add(user[0]);
            }
        }
        return disabled;
    }

    /** Whether {@code password} is one of the demo's published passwords (never acceptable for a real user). */
    public static boolean isPublished(String password) {
        return List.of(AGENT_PASSWORD, SUPERVISOR_PASSWORD, ADMIN_PASSWORD, TEAM_LEAD_PASSWORD, DISPATCHER_PASSWORD,
                CREW_PASSWORD).contains(password);
    }

    // user name and published password of every demo user
    private static List<String[]> published() {
        List<String[]> users = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            users.add(new String[] {"agent" + (1000 + n), AGENT_PASSWORD});
        }
        for (int n = 1; n <= 3; n++) {
            users.add(new String[] {"agent" + (2000 + n), AGENT_PASSWORD});
        }
        users.add(new String[] {"supervisor", SUPERVISOR_PASSWORD});
        users.add(new String[] {"admin", ADMIN_PASSWORD});
        users.add(new String[] {"teamlead", TEAM_LEAD_PASSWORD});
        users.add(new String[] {"dispatcher", DISPATCHER_PASSWORD});
        users.add(new String[] {"crew", CREW_PASSWORD});
        return users;
    }

    private static NewAgent agent(String username, String name, int ext, String queue) {
        return new NewAgent(username, name, AGENT_PASSWORD, AgentAccount.Role.AGENT,
                List.of(memberInterface(ext), "PJSIP/" + ext), List.of(queue));
    }

    /** The queue member interface of demo extension {@code ext}, exactly as Asterisk lists the member. */
    public static String memberInterface(int ext) {
        return "Local/" + ext + "@agents/n";
    }
}
