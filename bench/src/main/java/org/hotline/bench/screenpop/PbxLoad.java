package org.hotline.bench.screenpop;

import java.time.Duration;
import java.util.List;

/** The calls of the benchmark, placed by the PBX simulator or through the lab's real Asterisk. */
interface PbxLoad {

    /** Readies the agents' side of the PBX and has its AgentCalled events stamped into {@code book}. */
    void prepare(BenchAgents agents, LatencyBook book);

    /** Starts placing calls from {@code numbers} at the benchmark's rate. */
    void start(List<String> numbers);

    /** Calls placed so far. */
    long placed();

    /** Calls an agent answered so far. */
    long answered();

    /** Calls in progress. */
    long liveCalls();

    /** Stops placing calls and waits, at most {@code atMost}, until the calls in progress have ended. */
    void stopAndWait(Duration atMost) throws Exception;

    /** The load in a few words, for the start line. */
    String describe();

    /** What the whole run placed and answered, for the report. */
    String summary();
}
