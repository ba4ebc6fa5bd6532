package org.hotline.workorder;

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

    /** A refusal of this kind. */
    public CrewAppRejectedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }
}
