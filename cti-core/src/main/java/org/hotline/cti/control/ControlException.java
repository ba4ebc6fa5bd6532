package org.hotline.cti.control;

import java.util.Locale;
import java.util.Objects;

/**
 * A call or desk command that did not happen (or not provably), with a reason the agent can read, a kind the web
 * layer maps to an HTTP status, a stable {@link #code()} the desk page translates, the PBX's own words
 * ({@link #detail()}) and whether it was refused, failed or timed out ({@link #outcome()}).
 */
public final class ControlException extends RuntimeException {

    /** Why a command failed; the web layer maps each to an HTTP status. */
    public enum Kind {
        /** The request is malformed (bad number, unknown reason): 400. */
        INVALID(400),
        /** The call is not the agent's: 403. */
        NOT_YOUR_CALL(403),
        /** No such call or channel (any more): 404. */
        NO_SUCH_CALL(404),
        /** Not possible in the current state, or the phone is offline, busy or unanswered: 409. */
        CONFLICT(409),
        /** Asterisk refused the action, or answered something Hotline does not understand: 502. */
        REJECTED(502),
        /** The AMI connection is down: 503. */
        UNAVAILABLE(503),
        /** The PBX did not answer or confirm the command in time; it may still happen: 504. */
        TIMED_OUT(504);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The HTTP status this kind maps to. */
        public int httpStatus() {
            return httpStatus;
        }

        /** The code a failure of this kind has unless it names a more precise one. */
        String defaultCode() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether a failure of this kind is a refusal, a failure or a time-out, unless it says otherwise. */
        Outcome defaultOutcome() {
            return switch (this) {
                case UNAVAILABLE -> Outcome.FAILED;
                case TIMED_OUT -> Outcome.TIMED_OUT;
                default -> Outcome.REFUSED;
            };
        }
    }

    /** What became of the command, as the agent is told. */
    public enum Outcome {
        /** Hotline or the PBX said no: nothing happened. */
        REFUSED,
        /** It was tried and did not work (the call went, the PBX is down, the PBX answered nonsense). */
        FAILED,
        /** No confirmation came in time: it may or may not happen. */
        TIMED_OUT;

        /** {@code refused}, {@code failed} or {@code timed-out}, as the REST API writes it. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;
    private final String code;
    private final String detail;
    private final Outcome outcome;

    /** A failure of this kind with a readable message. */
    public ControlException(Kind kind, String message) {
        this(kind, null, message, "", null, null);
    }

    /** A failure of this kind caused by {@code cause}. */
    public ControlException(Kind kind, String message, Throwable cause) {
        this(kind, null, message, "", null, cause);
    }

    /**
     * A failure with a translatable {@code code} (null: from the kind), the PBX's own {@code detail} (may be empty)
     * and its {@code outcome} (null: from the kind).
     */
    public ControlException(Kind kind, String code, String message, String detail, Outcome outcome,
                            Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code == null ? kind.defaultCode() : code;
        this.detail = detail == null ? "" : detail;
        this.outcome = outcome == null ? kind.defaultOutcome() : outcome;
    }

    /** A failure with a translatable code and the PBX's detail, its outcome from the kind. */
    public static ControlException of(Kind kind, String code, String message, String detail) {
        return new ControlException(kind, code, message, detail, null, null);
    }

    /** Why it failed. */
    public Kind kind() {
        return kind;
    }

    /** A stable key for the reason ({@code phone-busy}, {@code transfer-not-allowed}…) that the desk translates. */
    public String code() {
        return code;
    }

    /** What the PBX said (a Response message, an event's reason), or empty. */
    public String detail() {
        return detail;
    }

    /** Refused, failed or timed out. */
    public Outcome outcome() {
        return outcome;
    }
}
