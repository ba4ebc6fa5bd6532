package org.hotline.cti.ami.internal;

import org.hotline.cti.ami.AmiConnectionState;

/** The transition function of {@link AmiConnectionState}: pure, so every path is tested without sockets. */
public final class ConnectionStates {

    /** What happened to the connection. */
    public enum Signal {
        /** A TCP connect attempt starts. */
        CONNECT_STARTED,
        /** The peer sent an Asterisk banner; {@code Login} was sent. */
        BANNER_ACCEPTED,
        /** {@code Login} answered {@code Success}. */
        LOGIN_ACCEPTED,
        /** {@code Login} answered {@code Error}. */
        LOGIN_REJECTED,
        /** Both resync lists completed, failed or timed out (or resync is off). */
        RESYNC_FINISHED,
        /** The connection closed, or the connect attempt failed. */
        CONNECTION_LOST,
        /** {@code close()} was called. */
        STOP
    }

    private ConnectionStates() {
    }

    /**
     * The state after {@code signal} in {@code state}. {@code STOPPED} is final; {@code AUTH_FAILED} holds through
     * the retries until a login is accepted, so the state keeps saying why the connection is down.
     */
    public static AmiConnectionState next(AmiConnectionState state, Signal signal) {
        if (state == AmiConnectionState.STOPPED || signal == Signal.STOP) {
            return AmiConnectionState.STOPPED;
        }
        boolean authFailed = state == AmiConnectionState.AUTH_FAILED;
        return switch (signal) {
            case CONNECT_STARTED -> authFailed ? state : AmiConnectionState.CONNECTING;
            case BANNER_ACCEPTED -> state == AmiConnectionState.CONNECTING ? AmiConnectionState.AUTHENTICATING : state;
            case LOGIN_ACCEPTED -> state == AmiConnectionState.CONNECTING || state == AmiConnectionState.AUTHENTICATING
                    || authFailed ? AmiConnectionState.RESYNCING : state;
            case LOGIN_REJECTED -> state == AmiConnectionState.AUTHENTICATING || authFailed
                    ? AmiConnectionState.AUTH_FAILED : state;
            case RESYNC_FINISHED -> state == AmiConnectionState.RESYNCING ? AmiConnectionState.CONNECTED : state;
            case CONNECTION_LOST -> authFailed ? state : AmiConnectionState.DISCONNECTED;
            case STOP -> AmiConnectionState.STOPPED;
        };
    }
}
