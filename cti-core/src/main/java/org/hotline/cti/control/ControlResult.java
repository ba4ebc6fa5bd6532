package org.hotline.cti.control;

import java.util.Objects;

/**
 * A call command the PBX confirmed by its events: what is now true ({@code code}: dialled, hung-up, transferred,
 * consulting, held, resumed), a readable message, and the event that proved it.
 *
 * @param code        what happened, a stable key the desk translates
 * @param message     the same in English, for logs and API clients
 * @param confirmedBy the confirming AMI event, e.g. {@code BlindTransfer Result=Success}
 */
public record ControlResult(String code, String message, String confirmedBy) {

    /** Checks the fields are set. */
    public ControlResult {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(confirmedBy, "confirmedBy");
    }
}
