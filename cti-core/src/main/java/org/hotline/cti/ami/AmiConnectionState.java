package org.hotline.cti.ami;

/** Where an {@link AmiConnection} is in its life; only {@link #RESYNCING} and {@link #CONNECTED} deliver live events. */
public enum AmiConnectionState {
    /** Opening the TCP connection or waiting for the banner. */
    CONNECTING,
    /** Banner seen, {@code Login} sent, waiting for its response. */
    AUTHENTICATING,
    /** Logged in; the resync lists are being read and live events held back. */
    RESYNCING,
    /** Logged in and delivering live events. */
    CONNECTED,
    /** Asterisk rejected the credentials; retrying with backoff until they are accepted. */
    AUTH_FAILED,
    /** Not connected (never started, connection lost or refused); retrying with backoff unless stopped. */
    DISCONNECTED,
    /** Closed for good. */
    STOPPED;

    /** True when the connection is logged in and actions can be sent. */
    public boolean isLoggedIn() {
        return this == RESYNCING || this == CONNECTED;
    }
}
