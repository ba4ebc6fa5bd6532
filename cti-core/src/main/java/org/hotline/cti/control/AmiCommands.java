package org.hotline.cti.control;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.AmiNotConnectedException;

/**
 * Sends one AMI action and waits for its response, turning an error Response, a timeout or a down connection into a
 * {@link ControlException} whose kind says what went wrong (Asterisk's messages mapped to phone offline, no such
 * channel, rejected). For web threads: it blocks up to the timeout.
 */
public final class AmiCommands {

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

    /** Sends the action and returns the Success response. */
    public AmiMessage send(AmiAction action) {
        AmiConnection connection = connections.get();
        if (connection == null) {
            throw new ControlException(ControlException.Kind.UNAVAILABLE, "telephony is off (hotline.ami.enabled)");
        }
        AmiMessage reply;
        try {
            reply = connection.sendAction(action).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException(ControlException.Kind.UNAVAILABLE, "interrupted", e);
        } catch (TimeoutException e) {
            throw new ControlException(ControlException.Kind.UNAVAILABLE,
                    "the PBX did not answer " + action.name() + " in time", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AmiNotConnectedException) {
                throw new ControlException(ControlException.Kind.UNAVAILABLE, "the PBX is not connected", cause);
            }
            throw new ControlException(ControlException.Kind.UNAVAILABLE,
                    "the PBX did not answer " + action.name() + ": " + cause, cause);
        }
        if ("Success".equalsIgnoreCase(reply.responseStatus())) {
            return reply;
        }
        throw error(action.name(), reply.get("Message", ""));
    }

    /** Maps an Asterisk error message to a failure the agent understands. */
    static ControlException error(String action, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("no such channel") || m.contains("does not exist") || m.contains("not found")) {
            return new ControlException(ControlException.Kind.NO_SUCH_CALL, "the call is gone (" + message + ")");
        }
        if (action.equalsIgnoreCase("Originate")) {
            return new ControlException(ControlException.Kind.CONFLICT,
                    "your phone is offline or unreachable (" + message + ")");
        }
        if (m.contains("not in queue") || m.contains("unable to") || m.contains("already")) {
            return new ControlException(ControlException.Kind.CONFLICT, action + ": " + message);
        }
        return new ControlException(ControlException.Kind.REJECTED, "the PBX refused " + action + ": " + message);
    }
}
