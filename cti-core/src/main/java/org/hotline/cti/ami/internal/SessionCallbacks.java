package org.hotline.cti.ami.internal;

import org.hotline.cti.ami.AmiMessage;

/** What an {@link AmiSession} reports to the connection that owns it; all calls come on the session's I/O thread. */
public interface SessionCallbacks {

    /** The banner was valid and {@code Login} was sent. */
    void bannerAccepted(AmiSession session);

    /** {@code Login} was accepted; the resync (if enabled) starts. */
    void loginAccepted(AmiSession session);

    /** {@code Login} was refused with Asterisk's {@code message}; the session closes. */
    void loginRejected(AmiSession session, String message);

    /** The resync finished, or is disabled: live events flow. */
    void resyncFinished(AmiSession session);

    /** The channel closed for {@code reason}; {@code wasLoggedIn} tells whether the listener saw a login. */
    void closed(AmiSession session, String reason, boolean wasLoggedIn);

    /** One skipped line, field or unrecognized frame. */
    void badInput();

    /** An event read after login (live or during the resync), before it is queued for the listener. */
    default void eventRead(AmiMessage event) {
    }
}
