package org.hotline.cti.network;

/** A network edit or read refused: bad input (HTTP 400) or an unknown line or area (404). */
public class NetworkRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    private NetworkRejectedException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    /** The input is wrong (unknown repair centre, bad phone, blank name). */
    public static NetworkRejectedException invalid(String message) {
        return new NetworkRejectedException(message, false);
    }

    /** The line or area named does not exist. */
    public static NetworkRejectedException notFound(String message) {
        return new NetworkRejectedException(message, true);
    }

    /** Whether the thing named does not exist (rather than the input being wrong). */
    public boolean notFound() {
        return notFound;
    }
}
