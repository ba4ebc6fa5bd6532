package org.hotline.cti.screenpop;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.cti.customer.CustomerCard;

/**
 * The pop one agent sees for one call: who is calling, the matched customers, the queue and wait, the IVR's
 * channel variables, and where the call stands. Later events replace it with a higher {@code version}.
 * {@code outbound} is true for a call the agent placed (the "caller" fields then name the dialled customer).
 */
public record ScreenPop(String callId, String agent, String agentInterface, Status status, String callerNumber,
                        String normalizedNumber, String callerName, String queue, long waitedSeconds,
                        List<CustomerCard> customers, Map<String, String> variables, Instant ringingAt,
                        Instant updatedAt, long version, boolean outbound) {

    /** Where the call stands for this agent. */
    public enum Status {
        /** The agent's phone rings. */
        RINGING,
        /** The agent took the call. */
        ANSWERED,
        /** The agent put the customer on hold (back to ANSWERED when resumed). */
        HELD,
        /** The agent's phone stopped ringing without the agent taking the call. */
        MISSED,
        /** The call left this agent for another target. */
        TRANSFERRED,
        /** The call ended. */
        ENDED
    }

    /** Copies the collections. */
    public ScreenPop {
        customers = List.copyOf(customers);
        variables = Map.copyOf(variables);
    }

    /** True while the pop belongs on the agent's screen as a live call. */
    public boolean live() {
        return status == Status.RINGING || status == Status.ANSWERED || status == Status.HELD;
    }
}
