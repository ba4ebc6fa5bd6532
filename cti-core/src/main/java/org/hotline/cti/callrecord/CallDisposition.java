package org.hotline.cti.callrecord;

import java.time.Instant;
import java.util.Objects;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallId;

/**
 * The call outcome (通话结果) an agent recorded for a queue call when the desk finished with it: a code of the
 * company's list, or {@code none} when the wrap-up ended without one (ADR 0036).
 *
 * @param callId     the call
 * @param queue      the queue it came through
 * @param agent      the agent's phone interface
 * @param code       the outcome's code, or {@code none}
 * @param recordedAt when the desk finished with the call
 */
public record CallDisposition(CallId callId, String queue, AgentInterface agent, String code, Instant recordedAt) {

    /** The code of a call whose wrap-up ended without an outcome. */
    public static final String NONE = "none";

    /** Checks the fields. */
    public CallDisposition {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
