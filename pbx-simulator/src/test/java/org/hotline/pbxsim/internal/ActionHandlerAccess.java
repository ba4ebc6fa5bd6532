package org.hotline.pbxsim.internal;

/** Opens the handler's MD5 helper to the tests in the API package. */
public final class ActionHandlerAccess {

    private ActionHandlerAccess() {
    }

    /** Hex MD5, as a client computes the Login Key from the challenge and the secret. */
    public static String md5(String text) {
        return ActionHandler.md5(text);
    }
}
