package org.hotline.bench.screenpop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.pbxsim.QueueConfig;
import org.hotline.pbxsim.SimulatorConfig;

/**
 * The benchmark's agents on both sides: queue {@code burst} of the simulator with one Local member per extension
 * ({@code Local/<ext>@agents/n}, as the lab's burst driver adds them), and an account {@code bench<ext>} per member
 * in the database with interface {@code Local/<ext>@agents}, so every ring maps to exactly one logged-in agent.
 */
final class BenchAgents {

    /**
     * BCrypt cost of the benchmark's accounts: 2^4 rounds (about 1 ms) instead of the default 2^10 (50–100 ms), so
     * creating and logging in 2,000 agents takes seconds, not minutes of CPU that would also skew the load average.
     * Login still runs Spring Security's real BCrypt check; a hash keeps its own cost.
     */
    static final int BCRYPT_STRENGTH = 4;

    /** The queue the load goes to; it exists in the demo schema ({@link DemoUsers}) and in the lab PBX. */
    static final String QUEUE = "burst";

    private final int first;
    private final int count;

    BenchAgents(int firstExtension, int count) {
        this.first = firstExtension;
        this.count = count;
    }

    /** The username of the i-th agent (0-based). */
    String username(int i) {
        return "bench" + (first + i);
    }

    /** The extension of the i-th agent (0-based). */
    String extension(int i) {
        return Integer.toString(first + i);
    }

    /** How many agents there are. */
    int count() {
        return count;
    }

    /**
     * The lab PBX plus {@code burst} with these agents: rrmemory spreads the calls over all agents (every socket
     * gets pops); ring timeout 15 s, retry 1 s and a 2 s wrap-up keep enough agents free at 100 calls/s.
     */
    SimulatorConfig simulatorConfig() {
        SimulatorConfig lab = SimulatorConfig.defaults();
        List<QueueConfig> queues = new ArrayList<>(lab.queues().stream().filter(q -> !q.name().equals(QUEUE)).toList());
        queues.add(QueueConfig.ofAgents(QUEUE, first, count)
                .withTimings(Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        return lab.withQueues(queues.toArray(QueueConfig[]::new));
    }

    /**
     * Creates the accounts that do not exist yet, on two threads, through {@link AgentDirectory#create} at
     * {@link #BCRYPT_STRENGTH}; returns how many were created.
     */
    int ensureAccounts(DataSource dataSource) {
        AgentDirectory directory = new AgentDirectory(dataSource, BCRYPT_STRENGTH);
        Set<String> existing = directory.all().stream().map(AgentAccount::username).collect(Collectors.toSet());
        List<NewAgent> missing = IntStream.range(0, count).filter(i -> !existing.contains(username(i)))
                .mapToObj(this::account).toList();
        // the directory is thread-safe; a parallel stream keeps both cores busy on the small transactions
        missing.parallelStream().forEach(directory::create);
        return missing.size();
    }

    private NewAgent account(int i) {
        int ext = first + i;
        return new NewAgent(username(i), "压测坐席 " + ext, DemoUsers.AGENT_PASSWORD, AgentAccount.Role.AGENT,
                List.of("Local/" + ext + "@agents"), List.of(QUEUE));
    }
}
