package org.hotline.sms.smpp;

import java.time.Duration;
import java.util.Map;
import org.hotline.sms.message.MessageIdFormat;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;

/** The connection contract over SMPP, against the jsmpp-based SMSC simulator. */
class JsmppSmscConnectionContractTests extends SmscConnectionContract {

    @Override
    protected Peer peer() throws Exception {
        SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
        return new Peer() {
            @Override
            public SmscProperties.Smsc account(String password, Duration responseTimeout) {
                return SmscProperties.Smsc.of("smpp", "127.0.0.1", sim.port(), "hotline", password)
                        .withThroughput(10_000, 16).withIdFormats(MessageIdFormat.HEX, MessageIdFormat.HEX)
                        .withBinds(2, SmscProperties.BindMode.TRANSCEIVER)
                        .withTimers(Duration.ofSeconds(30), responseTimeout, Duration.ofMillis(500));
            }

            @Override
            public String wrongPasswordReason() {
                return "bind refused: ESME_RBINDFAIL (0xd)";
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
                // the SMPP simulator holds unanswered submits up to 2 s, then drops the connection
                if (on) {
                    sim.dropWithoutResponses(1_000);
                }
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
}
