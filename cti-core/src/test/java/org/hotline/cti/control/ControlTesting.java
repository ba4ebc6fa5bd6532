package org.hotline.cti.control;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.AmiProperties;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.testing.AmiFixtures;

/** Fixtures for the control and presence tests: agents 1001/1002, a tracker holding a bridged call, AMI settings. */
public final class ControlTesting {

    /** The call of capture 01, answered by agent 1001. */
    public static final String CALL = "1795434946.0";
    /** Agent 1001's bridged leg in capture 01. */
    public static final String AGENT_CHANNEL = "Local/1001@agents-00000001;1";
    /** The caller's bridged leg in capture 01. */
    public static final String CALLER_CHANNEL = "Local/s@callers-00000000;2";

    private ControlTesting() {
    }

    /** AMI settings for a peer on loopback with short timers. */
    public static AmiProperties ami(int port) {
        return AmiProperties.defaults().withEndpoint("127.0.0.1", port).withCredentials("hotline", "hotline")
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                .withTimings(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** A directory knowing agent1001 (hotline, gas), agent1002 (hotline) and supervisor sup1 without a phone. */
    public static AgentDirectory directory() {
        AgentDirectory d = mock(AgentDirectory.class);
        AgentAccount a1 = new AgentAccount(1, "agent1001", "坐席1001", AgentAccount.Role.AGENT, true,
                List.of("Local/1001@agents"), List.of("hotline", "gas"));
        AgentAccount a2 = new AgentAccount(2, "agent1002", "坐席1002", AgentAccount.Role.AGENT, true,
                List.of("Local/1002@agents"), List.of("hotline"));
        AgentAccount s = new AgentAccount(3, "sup1", "班长", AgentAccount.Role.SUPERVISOR, true, List.of(), List.of());
        for (AgentAccount a : List.of(a1, a2, s)) {
            when(d.findByUsername(a.username())).thenReturn(Optional.of(a));
            for (String i : a.interfaces()) {
                when(d.findByInterface(org.hotline.cti.call.AgentInterface.of(i))).thenReturn(Optional.of(a));
            }
        }
        return d;
    }

    /** A tracker fed capture 01 up to the bridged, talking call. */
    public static CallTracker trackerWithBridgedCall() {
        CallTracker tracker = new CallTracker(e -> { });
        boolean connected = false;
        for (AmiMessage m : AmiFixtures.messages("01-answered-completed.ami.txt")) {
            String name = m.eventName();
            connected |= "AgentConnect".equals(name);
            if (connected && name != null && name.startsWith("Hangup")) {
                break;
            }
            tracker.apply(m);
        }
        return tracker;
    }
}
