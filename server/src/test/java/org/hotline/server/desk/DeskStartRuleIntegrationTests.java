package org.hotline.server.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.DeskState;
import org.hotline.cti.presence.Presence;
import org.hotline.server.HotlineApplication;
import org.hotline.server.testing.AgentClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo as it starts (issue #16): the simulator's agents are in their queues and ready, but nobody opened a desk,
 * so the start rule takes them out of the queues; an agent who then logs in on the desk is ready. Its own context:
 * the shared one keeps the PBX's state for the other classes' calls.
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotline.embedded.postgres.data-dir=", "hotline.simulator.calls-per-minute=0",
                "hotline.demo.customers=50", "hotline.presence.start=logged-out",
                "hotline.presence.lagged-grace=1s"})
class DeskStartRuleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Presence presence;

    @Test
    void demoAgentsWhoseDeskNobodyOpensAreLoggedOutUntilTheyLogInOnTheDesk() {
        // the PBX's member list makes the desks; three graces (3 s) later nobody has opened them
        await().atMost(Duration.ofSeconds(60)).until(() -> presence.status("agent1002").state() == DeskState.LOGGED_OUT
                && presence.status("agent2001").state() == DeskState.LOGGED_OUT);

        try (AgentClient agent = AgentClient.login(port, "agent1002", DemoUsers.AGENT_PASSWORD).connect()) {
            assertThat(agent.postJson("/api/control/login", "").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> presence.status("agent1002").state() == DeskState.READY);
        }
    }
}
