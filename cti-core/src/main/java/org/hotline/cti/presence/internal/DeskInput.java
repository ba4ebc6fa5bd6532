package org.hotline.cti.presence.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.cti.call.AgentState;
import org.hotline.cti.presence.DeskCall;

/** Something that moves an agent's desk: a command of the agent (or a supervisor), a PBX event or a timer. */
public sealed interface DeskInput {

    /** When it happened. */
    Instant at();

    /** The agent logs in to the queues {@code queues}. */
    record Login(List<String> queues, Instant at) implements DeskInput { }

    /** The agent logs out of every queue. */
    record Logout(Instant at) implements DeskInput { }

    /** The agent is ready for calls. */
    record Ready(Instant at) implements DeskInput { }

    /** The agent (or a supervisor) pauses with a reason code. */
    record Pause(String reason, Instant at) implements DeskInput { }

    /** The agent ends the wrap-up early. */
    record FinishWrapUp(Instant at) implements DeskInput { }

    /** The agent records the call outcome (disposition code) of the call on hand or in wrap-up. */
    record ChooseDisposition(String code, Instant at) implements DeskInput { }

    /** The agent asks for more wrap-up time. */
    record ExtendWrapUp(Instant at) implements DeskInput { }

    /** The wrap-up timer fired. */
    record WrapUpTimer(Instant at) implements DeskInput { }

    /** The agent's phone rings for a call. */
    record Ringing(DeskCall call, Instant at) implements DeskInput { }

    /** The agent's phone stopped ringing without answering. */
    record RingStopped(String callId, Instant at) implements DeskInput { }

    /** The agent answered a call. */
    record Answered(DeskCall call, Instant at) implements DeskInput { }

    /** A call ended. */
    record Ended(String callId, Instant at) implements DeskInput { }

    /**
     * The PBX reports the queue member's state, pause reason and queues: the truth for membership and pause;
     * {@code pausedQueues} the queues it is paused in with each one's reason (some only while a pause goes through
     * the queues one event at a time, or when paused in some queues only).
     */
    record Pbx(AgentState state, String reason, List<String> queues, Map<String, String> pausedQueues, Instant at)
            implements DeskInput {
        /** Copies the paused queues. */
        public Pbx {
            pausedQueues = Map.copyOf(pausedQueues);
        }
    }

    /** The agent's last desktop connection has been gone longer than the grace time. */
    record SocketLost(Instant at) implements DeskInput { }

    /** A desktop connection of the agent is back. */
    record SocketBack(Instant at) implements DeskInput { }
}
