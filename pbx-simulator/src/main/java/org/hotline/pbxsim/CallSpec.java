package org.hotline.pbxsim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A call to generate: who calls which queue carrying which variables, and how it ends.
 *
 * @param callerNumber the caller's number ({@code anonymous} hides it, as in the lab)
 * @param callerName the caller's name, or {@code null} for none
 * @param queue the queue the caller joins
 * @param variables channel variables the caller brings (e.g. {@code IVR_ACCOUNT}); set inheritable
 *     ({@code __NAME}) unless the name already starts with {@code _}, so they reach the agent legs
 * @param outcome how the call ends
 * @param talkTime how long agent and caller talk once answered
 * @param patience how long the caller waits in the queue before abandoning when nobody answers
 */
public record CallSpec(String callerNumber, String callerName, String queue, Map<String, String> variables,
        Outcome outcome, Duration talkTime, Duration patience) {

    /** Validates the fields and copies the variables, keeping their order. */
    public CallSpec {
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(talkTime, "talkTime");
        Objects.requireNonNull(patience, "patience");
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        if (talkTime.isNegative() || patience.isNegative()) {
            throw new IllegalArgumentException("talkTime/patience: " + talkTime + "/" + patience + " (expected: >= 0)");
        }
    }

    /** A call from a number into a queue, answered by the queue's choice after 3 s, 6 s of talk, 120 s patience. */
    public static CallSpec of(String callerNumber, String queue) {
        return new CallSpec(callerNumber, null, queue, Map.of(), Outcome.answer(Duration.ofSeconds(3)),
                Duration.ofSeconds(6), Duration.ofSeconds(120));
    }

    /** This call with a caller name. */
    public CallSpec withCallerName(String name) {
        return new CallSpec(callerNumber, name, queue, variables, outcome, talkTime, patience);
    }

    /** This call carrying one more channel variable. */
    public CallSpec withVariable(String name, String value) {
        Map<String, String> vars = new LinkedHashMap<>(variables);
        vars.put(name, value);
        return new CallSpec(callerNumber, callerName, queue, vars, outcome, talkTime, patience);
    }

    /** This call with another outcome. */
    public CallSpec withOutcome(Outcome value) {
        return new CallSpec(callerNumber, callerName, queue, variables, value, talkTime, patience);
    }

    /** This call with another talk time. */
    public CallSpec withTalkTime(Duration value) {
        return new CallSpec(callerNumber, callerName, queue, variables, outcome, value, patience);
    }

    /** This call with another patience. */
    public CallSpec withPatience(Duration value) {
        return new CallSpec(callerNumber, callerName, queue, variables, outcome, talkTime, value);
    }
}
