package org.hotline.workorder;

import java.util.Map;

/** A crew-app request refused for who is asking or for its size, with the reason the crew reads. */
public class CrewAppRejectedException extends RuntimeException {

    /** Why, by the HTTP status it maps to. */
    public enum Kind {
        /** 401: no token, an unknown or a revoked one. */
        UNAUTHORIZED,
        /** 403: the order is not assigned to the caller's crew. */
        FORBIDDEN,
        /** 413: a photo too large, or too many. */
        TOO_LARGE
    }

    private final Kind kind;
    private final transient Map<String, Object> details;

    /** A refusal of this kind. */
    public CrewAppRejectedException(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    /** A refusal with details a client can show in its own words (e.g. {@code reason: revoked, revokedBy}). */
    public CrewAppRejectedException(Kind kind, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.details = Map.copyOf(details);
    }

    /** Details beside the message, for clients that word it themselves (empty for none). */
    public Map<String, Object> details() {
        return details;
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }
}
