package org.hotline.cti.call;

import java.time.Instant;
import java.util.Map;

/** The caller joined a queue ({@code QueueCallerJoin}); {@code variables} are the channel variables of the caller leg. */
public record CallQueued(CallId callId, String queue, Caller caller, int position, Map<String, String> variables,
                         Instant at) implements CallEvent {
    /** Copies the variables. */
    public CallQueued {
        variables = Map.copyOf(variables);
    }
}
