package org.hotline.cti.control;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.AmiNotConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends AMI actions and waits for their response and, for call commands, for the events that confirm them: an error
 * Response, a response Hotline does not understand, a timeout or a down connection become a {@link ControlException}
 * whose kind, code and detail say what went wrong (Asterisk's messages mapped to phone offline, no such channel,
 * rejected). For web threads: it blocks up to the timeout.
 */
public final class AmiCommands {

    private static final Logger log = LoggerFactory.getLogger(AmiCommands.class);

    private final Supplier<AmiConnection> connections;
    private final Duration timeout;

    /**
     * Sends over the connection {@code connections} gives (looked up per action, so beans that the connection's
     * listener needs can use this; null when AMI is off: every command then fails as unavailable).
     */
    public AmiCommands(Supplier<AmiConnection> connections, Duration timeout) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** How long a command waits for its response and its confirming events. */
    public Duration timeout() {
        return timeout;
    }

    /** Sends the action and returns the Success response. */
    public AmiMessage send(AmiAction action) {
        return send(connection(), action, System.nanoTime() + timeout.toNanos());
    }

    /**
     * Sends the action and waits, until {@code wait} after sending, for {@code confirmation} to decide from the
     * events that follow: the result when they prove it done, else the confirmation's failure (or its time-out).
     */
    public ControlResult confirm(AmiAction action, Confirmation confirmation, Duration wait) {
        AmiConnection connection = connection();
        long deadline = System.nanoTime() + wait.toNanos();
        Set<String> names = confirmation.events();
        LinkedBlockingQueue<AmiMessage> seen = new LinkedBlockingQueue<>();
        // the tap runs on the AMI reader: it only filters by name and queues, the deciding happens here
        try (AutoCloseable tap = connection.tap(e -> {
            String name = e.eventName();
            if (name != null && names.contains(name)) {
                seen.add(e);
            }
        })) {
            AmiMessage reply = send(connection, action, Math.min(deadline, System.nanoTime() + timeout.toNanos()));
            confirmation.accepted(reply);
            while (true) {
                long left = deadline - System.nanoTime();
                AmiMessage event = left <= 0 ? seen.poll() : seen.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    ControlException e = confirmation.timedOut(wait);
                    log.info("{} not confirmed: {}", action.name(), e.getMessage());
                    throw e;
                }
                ControlResult result = confirmation.on(event);
                if (result != null) {
                    return result;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException(ControlException.Kind.UNAVAILABLE, "interrupted", e);
        } catch (ControlException e) {
            throw e;
        } catch (Exception e) {
            // only the tap's close can get here, and it does not throw
            throw new IllegalStateException(e);
        }
    }

    private AmiConnection connection() {
        AmiConnection connection = connections.get();
        if (connection == null) {
            throw ControlException.of(ControlException.Kind.UNAVAILABLE, "pbx-unavailable",
                    "telephony is off (hotline.ami.enabled)", "");
        }
        return connection;
    }

    private static AmiMessage send(AmiConnection connection, AmiAction action, long deadline) {
        AmiMessage reply;
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            reply = connection.sendAction(action).get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException(ControlException.Kind.UNAVAILABLE, "interrupted", e);
        } catch (TimeoutException e) {
            throw new ControlException(ControlException.Kind.TIMED_OUT, "pbx-no-response",
                    "the PBX did not answer " + action.name() + " in time: it may still happen", "", null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AmiNotConnectedException) {
                throw new ControlException(ControlException.Kind.UNAVAILABLE, "pbx-unavailable",
                        "the PBX is not connected", "", null, cause);
            }
            if (cause instanceof TimeoutException) {
                throw new ControlException(ControlException.Kind.TIMED_OUT, "pbx-no-response",
                        "the PBX did not answer " + action.name() + " in time: it may still happen", "", null, cause);
            }
            throw new ControlException(ControlException.Kind.UNAVAILABLE, "pbx-unavailable",
                    "the PBX did not answer " + action.name() + ": " + cause.getMessage(), "", null, cause);
        }
        String status = reply.responseStatus();
        if ("Success".equalsIgnoreCase(status)) {
            return reply;
        }
        String message = reply.get("Message", "");
        if ("Error".equalsIgnoreCase(status)) {
            throw error(action.name(), message);
        }
        // neither Success nor Error (Follows, Goodbye, a broken PBX): do not guess that it worked
        throw new ControlException(ControlException.Kind.REJECTED, "pbx-unexpected",
                "the PBX answered " + action.name() + " with '" + status + "'" + (message.isEmpty() ? "" : ": "
                        + message), status + (message.isEmpty() ? "" : " " + message),
                ControlException.Outcome.FAILED, null);
    }

    /** Maps an Asterisk error message to a failure the agent understands. */
    static ControlException error(String action, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("no such channel") || m.contains("does not exist") || m.contains("not found")) {
            return ControlException.of(ControlException.Kind.NO_SUCH_CALL, "call-gone",
                    "the call is gone (" + message + ")", message);
        }
        if (m.contains("did not find extension")) {
            return ControlException.of(ControlException.Kind.INVALID, "no-such-target",
                    "the PBX has no such transfer target (" + message + ")", message);
        }
        if (action.equalsIgnoreCase("Originate")) {
            return ControlException.of(ControlException.Kind.CONFLICT, "phone-offline",
                    "your phone is offline or unreachable (" + message + ")", message);
        }
        if (m.contains("not permitted")) {
            return ControlException.of(ControlException.Kind.CONFLICT, "transfer-not-allowed",
                    action + ": the call does not allow it (" + message + ")", message);
        }
        if (m.contains("not in queue") || m.contains("unable to") || m.contains("already")) {
            return ControlException.of(ControlException.Kind.CONFLICT, "conflict", action + ": " + message, message);
        }
        return ControlException.of(ControlException.Kind.REJECTED, "pbx-refused",
                "the PBX refused " + action + ": " + message, message);
    }
}
