package org.hotline.pbxsim.internal;

/** The state behind one member interface, shared by all its queue memberships (as a device state is). */
public final class AgentDevice {

    /** Device state NOT_INUSE. */
    public static final int NOT_INUSE = 1;
    /** Device state INUSE. */
    public static final int INUSE = 2;
    /** Device state RINGING. */
    public static final int RINGING = 6;

    final String iface;
    int status = NOT_INUSE;
    /** Simulated time before which the agent is in wrap-up and gets no call. */
    long wrapUntilSimNanos;
    /** The call ringing or talking at this agent, or {@code null}. */
    Call call;

    AgentDevice(String iface) {
        this.iface = iface;
    }
}
