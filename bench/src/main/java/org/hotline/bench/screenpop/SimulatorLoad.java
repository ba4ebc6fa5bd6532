package org.hotline.bench.screenpop;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hotline.pbxsim.DurationRange;
import org.hotline.pbxsim.LoadProfile;
import org.hotline.pbxsim.LoadRun;
import org.hotline.pbxsim.PbxSimulator;

/** The load placed by the PBX simulator into queue {@code burst}; its AgentCalled flush is the start stamp. */
final class SimulatorLoad implements PbxLoad {

    private final PbxSimulator sim;
    private final BenchOptions o;
    private LoadRun run;

    SimulatorLoad(PbxSimulator sim, BenchOptions o) {
        this.sim = sim;
        this.o = o;
    }

    @Override
    public void prepare(BenchAgents agents, LatencyBook book) {
        sim.onAgentCalled(book::agentCalled);
    }

    @Override
    public void start(List<String> numbers) {
        LoadProfile profile = LoadProfile.of(o.rate(), Duration.ofSeconds(o.warmupSeconds() + o.seconds()),
                        BenchAgents.QUEUE)
                .withTimings(DurationRange.ofSeconds(1, 3), DurationRange.ofSeconds(4, 10),
                        DurationRange.ofSeconds(60, 120), DurationRange.ofSeconds(5, 15))
                .withCallerNumbers(numbers).withSeed(o.seed());
        run = sim.startLoad(profile);
    }

    @Override
    public long placed() {
        return run.placed();
    }

    @Override
    public long answered() {
        return run.answered();
    }

    @Override
    public long liveCalls() {
        return sim.liveCalls();
    }

    @Override
    public void stopAndWait(Duration atMost) throws Exception {
        run.stop();
        run.done().get(atMost.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%.0f calls/s into %s (simulator)", o.rate(), BenchAgents.QUEUE);
    }

    @Override
    public String summary() {
        return run.toString();
    }
}
