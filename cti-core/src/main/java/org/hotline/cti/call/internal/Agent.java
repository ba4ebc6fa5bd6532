package org.hotline.cti.call.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentState;

/** The tracker's mutable record of one queue member interface. */
final class Agent {

    /** One queue membership as the last member event reported it. */
    static final class Membership {
        int status;
        boolean paused;
        String pausedReason = "";
        int penalty;
        boolean ringInUse;
    }

    final AgentInterface agent;
    /** The interface exactly as Asterisk names the member (Local/1001@agents/n): queue actions must match it. */
    String memberInterface;
    String memberName;
    final Map<String, Membership> memberships = new LinkedHashMap<>(4);
    int deviceStatus = AgentStates.UNKNOWN;
    AgentState state = AgentState.LOGGED_OUT;
    String pausedReason;
    Set<String> queues = Set.of();
    /** The paused queues and reasons last reported in an AgentStateChanged. */
    Map<String, String> pausedQueues = Map.of();
    long sinceMicros;
    /** The last snapshot of this agent, kept while nothing it shows changed (Views.agents). */
    org.hotline.cti.call.AgentView view;

    Agent(AgentInterface agent) {
        this.agent = agent;
    }
}
