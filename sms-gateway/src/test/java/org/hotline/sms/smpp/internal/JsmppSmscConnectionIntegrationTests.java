package org.hotline.sms.smpp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.sms.message.ReceivedPart;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.smpp.OutboundPart;
import org.hotline.sms.smpp.SmscListener;
import org.hotline.sms.smpp.SmscProperties.Smsc;
import org.hotline.sms.smpp.SmscReceipt;
import org.hotline.sms.smpp.SubmitResult;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;
import org.junit.jupiter.api.Test;

/** One SMSC connection against the simulator over TCP: binds, submits, receipts, and the two jsmpp traps. */
class JsmppSmscConnectionIntegrationTests {

    private static final SmsCodec CODEC = new SmsCodec(SmsCodecSettings.DEFAULTS);

    /** Collects what arrives. */
    static final class Collector implements SmscListener {
        final List<SmscReceipt> receipts = new CopyOnWriteArrayList<>();
        final List<ReceivedPart> parts = new CopyOnWriteArrayList<>();

        @Override
        public void onReceipt(SmscReceipt receipt) {
            receipts.add(receipt);
        }

        @Override
        public void onMessage(String smsc, String destination, ReceivedPart part) {
            parts.add(part);
        }
    }

    private static Smsc smsc(SmscSimulator sim, String password) {
        return Smsc.of("t", "127.0.0.1", sim.port(), "hotline", password).withThroughput(10_000, 32);
    }

    @Test
    void wrongPasswordIsRefusedWithBindFailAndRetriedWithoutAffectingOtherBinds() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             JsmppSmscConnection bad = new JsmppSmscConnection(smsc(sim, "wrong"), CODEC, new Collector());
             JsmppSmscConnection good = new JsmppSmscConnection(smsc(sim, "secret"), CODEC, new Collector())) {
            bad.start();
            good.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> bad.lastError() != null && good.bound());
            assertThat(bad.lastError()).isEqualTo("bind refused: ESME_RBINDFAIL (0xd)");
            assertThat(bad.bound()).isFalse();
            SubmitResult r = good.submit(new OutboundPart("13900000009", 0, 0, "hi".getBytes(StandardCharsets.US_ASCII)));
            assertThat(r.outcome()).isEqualTo(SubmitResult.Outcome.ACCEPTED);
            assertThat(sim.bindFailures()).isPositive();
        }
    }

    @Test
    void socketsAreOpenedWithTcpNoDelay() throws Exception {
        try (ServerSocket server = new ServerSocket(0);
             Socket s = new NoDelaySocketConnectionFactory(2_000).open("127.0.0.1", server.getLocalPort())) {
            assertThat(s.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void aBurstOfReceiptsFarBeyondJsmppsDefaultQueueIsTakenWithoutRejections() throws Exception {
        assertThat(JsmppSmscConnection.receiveQueueCapacity(32)).isGreaterThan(100 * 32);
        SmscSimulatorConfig config = SmscSimulatorConfig.defaults().withReceipts(Duration.ofMillis(300), 0);
        Collector collector = new Collector();
        try (SmscSimulator sim = SmscSimulator.start(config);
             JsmppSmscConnection c = new JsmppSmscConnection(smsc(sim, "secret"), CODEC, collector)) {
            c.start();
            await().atMost(Duration.ofSeconds(10)).until(c::bound);
            for (int i = 0; i < 2_000; i++) {
                assertThat(c.submit(new OutboundPart("13900000010", 0, 0, ("m" + i).getBytes(StandardCharsets.US_ASCII)))
                        .outcome()).isEqualTo(SubmitResult.Outcome.ACCEPTED);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> collector.receipts.size() >= 2_000);
            assertThat(collector.receipts).hasSize(2_000);
            assertThat(sim.receiptRejections()).isZero();
        }
    }
}
