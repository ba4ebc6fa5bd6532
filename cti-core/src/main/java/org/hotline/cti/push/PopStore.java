package org.hotline.cti.push;

import java.util.List;
import org.hotline.cti.screenpop.ScreenPop;

/**
 * The current screen-pops of every agent, shared by all nodes, from which a node builds the snapshot a browser
 * receives when it (re)connects. Pops that are no longer live (ended, missed, transferred) stay for a short linger
 * ({@code hotline.push.ended-linger}) so the agent sees how the call ended, then disappear.
 */
public interface PopStore {

    /**
     * Stores the pop unless the store holds a higher or equal {@code version} for the same agent and call; never
     * blocks on the network (writes to one agent are applied in call order).
     */
    void put(ScreenPop pop);

    /** Forgets the agent's pop for the call, if any; never blocks on the network. */
    void remove(String agent, String callId);

    /**
     * The agent's pops, oldest {@code ringingAt} first, without pops whose linger has passed.
     *
     * @throws PushUnavailableException when the shared store cannot be read in time
     */
    List<ScreenPop> current(String agent);
}
