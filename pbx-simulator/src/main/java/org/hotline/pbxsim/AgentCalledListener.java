package org.hotline.pbxsim;

/** Told right after an AgentCalled frame has been flushed to a client; the screen-pop benchmark measures from here. */
@FunctionalInterface
public interface AgentCalledListener {

    /**
     * Called on the simulator's I/O thread, once per client the frame was flushed to; must not block.
     *
     * @param linkedid the call's Linkedid
     * @param agentInterface the member interface called, e.g. {@code Local/1001@agents/n}
     * @param nanoTime {@link System#nanoTime()} just after the flush completed
     */
    void agentCalled(String linkedid, String agentInterface, long nanoTime);
}
