package org.hotline.cti.presence.internal;

import java.util.concurrent.ScheduledFuture;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.presence.DeskStatus;

/** One agent's desk as the presence service holds it; every mutable field is guarded by the desk itself. */
public final class Desk {

    /** The agent's login name. */
    public final String username;
    /** The agent's first phone interface as the account lists it: the queue member's exact interface. */
    public final String iface;
    /** That interface normalized, the key the tracker's events name the agent by. */
    public final AgentInterface key;
    /** The queue member name shown on the PBX. */
    public final String memberName;
    /** Whether the user is an agent (supervisors have desks without wrap-up or lagged pauses). */
    public final boolean agent;
    /** The current state. */
    public DeskStatus status;
    /** The agent (or a supervisor) used the desk on this node: wrap-up and lagged pauses apply. */
    public boolean managed;
    /** The agent opened the desk on this node (a desktop connected): the lagged pause applies. */
    public boolean opened;
    /** The agent's last desktop on this node went away longer than the grace ago (and none came back). */
    public boolean sessionLost;
    /** Open desktop sockets on this node. */
    public int sockets;
    /** Bumped on every socket change, so a stale lagged timer knows it is stale. */
    public long socketGeneration;
    /** The running wrap-up timer, if any. */
    public ScheduledFuture<?> wrapTimer;

    /** The desk of {@code account}, starting in {@code status}. */
    public Desk(AgentAccount account, DeskStatus status) {
        this.username = account.username();
        this.iface = account.interfaces().get(0);
        this.key = AgentInterface.of(iface);
        this.memberName = account.displayName();
        this.agent = account.role().takesCalls();
        this.status = status;
    }
}
