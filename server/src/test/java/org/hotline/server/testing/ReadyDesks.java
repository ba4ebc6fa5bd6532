package org.hotline.server.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.Presence;

/**
 * Puts every agent desk of the shared test server back to READY: test classes share one server, and a desk an
 * earlier class used is in wrap-up or lagged (issue #3) until its timer runs out, so its phone would not ring.
 */
public final class ReadyDesks {

    private static final Set<DeskState> HELD = EnumSet.of(DeskState.WRAP_UP, DeskState.LAGGED, DeskState.PAUSED);

    private ReadyDesks() {
    }

    /** Finishes wrap-ups and lifts pauses of every agent, then waits until each desk says READY or is in a call. */
    public static void all(Presence presence, AgentDirectory directory) {
        for (AgentAccount account : directory.all()) {
            if (account.role() != AgentAccount.Role.AGENT || account.interfaces().isEmpty()) {
                continue;
            }
            String agent = account.username();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                DeskState s = presence.status(agent).state();
                if (s == DeskState.WRAP_UP) {
                    presence.finishWrapUp(agent);
                } else if (HELD.contains(s)) {
                    presence.ready(agent);
                }
                return !HELD.contains(presence.status(agent).state());
            });
        }
    }
}
