package org.hotline.sms.smpp;

import java.time.Duration;
import java.util.Map;
import org.hotline.sms.smpp.SmscConnectionContract.Peer;
import org.hotline.smscsim.cmpp.CmppSimulator;
import org.hotline.smscsim.cmpp.CmppSimulatorConfig;
import org.junit.jupiter.api.Nested;

/** The connection contract over CMPP 2.0 and 3.0, against the CMPP gateway simulator. */
class CmppSmscConnectionContractTests {

    static Peer peer(String version) throws Exception {
        CmppSimulator sim = CmppSimulator.start(CmppSimulatorConfig.defaults());
        return new Peer() {
            @Override
            public SmscProperties.Smsc account(String password, Duration responseTimeout) {
                return new SmscProperties.Smsc("cmpp", "127.0.0.1", sim.port(), "901234", password, null,
                        "1065759555", null, null, 10_000, null, 2, null, null, null, Duration.ofSeconds(30),
                        responseTimeout, Duration.ofMillis(500), null, null, null, null, null, null, false, SmscProperties.Protocol.CMPP,
                        SmscProperties.Cmpp.defaults().withVersion(version));
            }

            @Override
            public String wrongPasswordReason() {
                return "connect refused: status 3 authentication failed (wrong password)";
            }

            @Override
            public Map<String, Integer> countsByDestinationAndText() {
                return sim.countsByDestinationAndText();
            }

            @Override
            public void sendMo(String source, String destination, String text) throws Exception {
                sim.sendMo(source, destination, text);
            }

            @Override
            public void throttle(int perSecond) {
                sim.setMaxSubmitsPerSecond(perSecond);
            }

            @Override
            public int throttled() {
                return sim.throttled();
            }

            @Override
            public void mute(boolean on) {
                sim.setMuted(on);
            }

            @Override
            public void dropConnections() {
                sim.dropConnections();
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    @Nested
    class Cmpp20 extends SmscConnectionContract {
        @Override
        protected Peer peer() throws Exception {
            return CmppSmscConnectionContractTests.peer("2.0");
        }
    }

    @Nested
    class Cmpp30 extends SmscConnectionContract {
        @Override
        protected Peer peer() throws Exception {
            return CmppSmscConnectionContractTests.peer("3.0");
        }
    }
}
