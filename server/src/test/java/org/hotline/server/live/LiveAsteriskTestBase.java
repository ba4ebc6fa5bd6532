package org.hotline.server.live;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.hotline.asterisklab.LabAsterisk;
import org.hotline.asterisklab.LabLink;
import org.hotline.asterisklab.LabPbx;
import org.hotline.asterisklab.LiveAsterisk;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.presence.Presence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared base of the live-PBX tests: one Hotline server connected, as Hotline's least-privilege AMI user, to the
 * lab's real Asterisk 22 (asterisk-lab: docker/asterisk's configuration with simulated phones and callers), no PBX
 * simulator, through a {@link LabLink} a test may cut. Skipped with one line saying why when this machine has no Asterisk (see LiveAsterisk). Agents
 * {@code agent1001}… are queue members {@code Local/<ext>@agents/n}, whose phones the test plays through {@link #pbx}.
 * The periodic member re-sync runs every 5 s (production: 60 s), so every scenario also meets a re-sync mid-call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.embedded.postgres.data-dir=", "hotline.simulator.enabled=false", "hotline.demo.customers=500",
        "hotline.ami.host=127.0.0.1", "hotline.ami.username=" + LabAsterisk.HOTLINE_USER,
        "hotline.presence.wrap-up=1s", "hotline.presence.lagged-grace=10m", "hotline.ami.reconnect-min=100ms",
        "hotline.ami.reconnect-max=1s", "hotline.presence.member-resync=5s", "hotline.ivr.digit-timeout=2s"})
// the IVR's FastAGI server with stand-ins for scripts this build lacks (unused while HOTLINE_IVR_URL is empty)
public abstract class LiveAsteriskTestBase {

    /** The lab's Asterisk driver: callers, phones, Asterisk's own view (QueueStatus, queue_log). */
    protected static LabPbx pbx;

    private static LabLink link;

    @LocalServerPort
    protected int port;

    @Autowired
    protected AmiConnection ami;

    @Autowired
    protected Presence presence;

    @Autowired
    protected AgentDirectory agents;

    @BeforeAll
    static void asterisk() {
        LabAsterisk asterisk = LiveAsterisk.shared(); // skips the class when there is no Asterisk
        if (pbx == null || pbx.asterisk() != asterisk) {
            pbx = new LabPbx(asterisk);
        }
    }

    @DynamicPropertySource
    static void amiOfTheLab(DynamicPropertyRegistry registry) {
        registry.add("hotline.ami.port", () -> link().port());
        registry.add("hotline.ami.secret", () -> LiveAsterisk.shared().hotlineSecret());
        // Asterisk's monitor folder, where the dialplan's MixMonitor writes the recordings (docs/adr/0030)
        registry.add("hotline.recording.directory",
                () -> LiveAsterisk.shared().runDirectory().resolve("spool").resolve("monitor").toString());
    }

    /** Hotline's path to the lab's AMI: a link a test can cut as a network failure would. */
    protected static synchronized LabLink link() {
        if (link == null) {
            link = LabLink.to(LiveAsterisk.shared().amiPort());
        }
        return link;
    }

    @BeforeEach
    void hotlineIsLoggedIn() {
        link().restore();
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
    }

    @AfterEach
    void noCallerIsLeft() {
        // a failed test must not leave a caller ringing the next test's agents
        pbx.hangupMatching("^Local/.*@lab-callers-");
    }
}
