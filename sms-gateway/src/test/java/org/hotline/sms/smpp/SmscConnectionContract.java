package org.hotline.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.sms.message.EncodedSms;
import org.hotline.sms.message.ReceivedPart;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.message.SmsPart;
import org.hotline.sms.smpp.SubmitResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SmscConnection} does, whatever its protocol, against that protocol's simulator: binds, sends a
 * UCS-2 Chinese text and a 3-part one, matches the receipt to the submit's id, delivers MO with the number the user
 * replied to, names the reason of a refused login, retries through throttling, is in doubt when the peer stays
 * silent, and binds again after the peer dropped it. A protocol's test class supplies the {@link Peer}.
 */
public abstract class SmscConnectionContract {

    /** Collects what the connection hands over. */
    public static final class Collector implements SmscListener {
        /** Receipts in arrival order. */
        public final List<SmscReceipt> receipts = new CopyOnWriteArrayList<>();
        /** MO parts with the destination they were sent to, as "destination|part". */
        public final List<String> destinations = new CopyOnWriteArrayList<>();
        /** MO parts. */
        public final List<ReceivedPart> parts = new CopyOnWriteArrayList<>();

        @Override
        public void onReceipt(SmscReceipt receipt) {
            receipts.add(receipt);
        }

        @Override
        public void onMessage(String smsc, String destination, ReceivedPart part) {
            destinations.add(destination);
            parts.add(part);
        }
    }

    /** A protocol's simulator as the contract drives it. */
    public interface Peer extends AutoCloseable {

        /** An account on this peer: {@code password} given, two binds, the response timeout given. */
        SmscProperties.Smsc account(String password, Duration responseTimeout);

        /** The reason {@code lastError} must name for a wrong password. */
        String wrongPasswordReason();

        /** How many times each "destination|text" arrived whole. */
        java.util.Map<String, Integer> countsByDestinationAndText();

        /** Sends an MO text from {@code source} to {@code destination}. */
        void sendMo(String source, String destination, String text) throws Exception;

        /** Refuses submits above this rate with the protocol's throttling answer (0: none). */
        void throttle(int perSecond);

        /** Submits refused as throttled so far. */
        int throttled();

        /** Stops answering submits (true) or answers again (false). */
        void mute(boolean on);

        /** Closes every connection. */
        void dropConnections();

        @Override
        void close();
    }

    protected static final SmsCodec CODEC = new SmsCodec(SmsCodecSettings.DEFAULTS);
    protected static final String SIGNATURE = "【国网供电服务】";
    private final List<AutoCloseable> open = new ArrayList<>();

    /** A started peer for one test. */
    protected abstract Peer peer() throws Exception;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Peer started() throws Exception {
        Peer p = peer();
        open.add(p);
        return p;
    }

    private SmscConnection connect(Peer peer, String password, Duration responseTimeout, Collector collector) {
        SmscConnection c = SmscConnections.create(peer.account(password, responseTimeout), CODEC, collector);
        open.add(c);
        c.start();
        return c;
    }

    private static OutboundPart part(String destination, EncodedSms sms, SmsPart p) {
        return new OutboundPart(destination, sms.dataCoding(), p.esmClass(), p.shortMessage());
    }

    @Test
    void aChineseTextIsAcceptedAndItsReceiptCarriesTheSameId() throws Exception {
        Peer peer = started();
        Collector collector = new Collector();
        SmscConnection c = connect(peer, "secret", Duration.ofSeconds(5), collector);
        await().atMost(Duration.ofSeconds(10)).until(c::bound);
        String text = SIGNATURE + "您户号1001所在台区已恢复供电。";
        EncodedSms sms = CODEC.encode(text, 0);
        SubmitResult r = c.submit(part("13900000001", sms, sms.parts().get(0)));
        assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(peer.countsByDestinationAndText()).containsEntry("13900000001|" + text, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !collector.receipts.isEmpty());
        SmscReceipt receipt = collector.receipts.get(0);
        assertThat(receipt.messageId()).isEqualTo(r.messageId());
        assertThat(receipt.destination()).isEqualTo("13900000001");
        assertThat(receipt.receipt().state().terminal()).isTrue();
    }

    @Test
    void aThreePartTextArrivesWholeOnceWithAReceiptPerPart() throws Exception {
        Peer peer = started();
        Collector collector = new Collector();
        SmscConnection c = connect(peer, "secret", Duration.ofSeconds(5), collector);
        await().atMost(Duration.ofSeconds(10)).until(c::bound);
        String text = SIGNATURE + "尊敬的客户，您户号1002所在台区将于明日08:00至18:00计划停电，给您带来不便敬请谅解。"
                + "如有疑问请致电95598，抢修服务热线全天二十四小时为您服务，感谢您对供电工作的理解与支持。"
                + "停电期间请关闭家用电器，注意用电安全，恢复供电前请勿靠近倒杆断线区域，发现险情请立即拨打95598报告。";
        EncodedSms sms = CODEC.encode(text, 42);
        assertThat(sms.parts()).hasSize(3);
        List<String> ids = new ArrayList<>();
        for (SmsPart p : sms.parts()) {
            SubmitResult r = c.submit(part("13900000002", sms, p));
            assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
            ids.add(r.messageId());
        }
        assertThat(peer.countsByDestinationAndText()).containsEntry("13900000002|" + text, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> collector.receipts.size() >= 3);
        assertThat(collector.receipts).extracting(SmscReceipt::messageId).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anMoReplyIsDeliveredWithTheNumberTheUserRepliedTo() throws Exception {
        Peer peer = started();
        Collector collector = new Collector();
        SmscConnection c = connect(peer, "secret", Duration.ofSeconds(5), collector);
        await().atMost(Duration.ofSeconds(10)).until(c::bound);
        String destination = c.sourceAddress() + "01";
        peer.sendMo("13900000003", destination, "退订");
        await().atMost(Duration.ofSeconds(10)).until(() -> !collector.parts.isEmpty());
        assertThat(collector.parts.get(0).source()).isEqualTo("13900000003");
        assertThat(collector.parts.get(0).text()).isEqualTo("退订");
        assertThat(collector.destinations).containsExactly(destination);
    }

    @Test
    void aWrongPasswordIsRefusedAndLastErrorNamesTheReason() throws Exception {
        Peer peer = started();
        SmscConnection bad = connect(peer, "wrong", Duration.ofSeconds(5), new Collector());
        await().atMost(Duration.ofSeconds(10)).until(() -> bad.lastError() != null);
        assertThat(bad.lastError()).isEqualTo(peer.wrongPasswordReason());
        assertThat(bad.bound()).isFalse();
    }

    @Test
    void throttledSubmitsAreRetriedUntilAccepted() throws Exception {
        Peer peer = started();
        peer.throttle(4);
        SmscConnection c = connect(peer, "secret", Duration.ofSeconds(5), new Collector());
        await().atMost(Duration.ofSeconds(10)).until(c::bound);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SubmitResult>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                byte[] sm = ("ref " + i).getBytes(StandardCharsets.US_ASCII);
                results.add(pool.submit(() -> c.submit(new OutboundPart("13900000004", 0, 0, sm))));
            }
            for (Future<SubmitResult> f : results) {
                assertThat(f.get().outcome()).isEqualTo(Outcome.ACCEPTED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(peer.throttled()).isPositive();
        assertThat(peer.countsByDestinationAndText()).hasSize(10).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    }

    @Test
    void aSilentPeerLeavesTheSubmitInDoubtAfterTheResponseTimeout() throws Exception {
        Peer peer = started();
        SmscConnection c = connect(peer, "secret", Duration.ofSeconds(1), new Collector());
        await().atMost(Duration.ofSeconds(10)).until(c::bound);
        peer.mute(true);
        long t0 = System.nanoTime();
        SubmitResult r = c.submit(new OutboundPart("13900000005", 0, 0, "hello".getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.outcome()).isEqualTo(Outcome.IN_DOUBT);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        peer.mute(false);
    }

    @Test
    void afterThePeerDropsTheConnectionItBindsAgainAndSends() throws Exception {
        Peer peer = started();
        SmscConnection c = connect(peer, "secret", Duration.ofSeconds(5), new Collector());
        await().atMost(Duration.ofSeconds(10)).until(c::bound);
        peer.dropConnections();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(c.submit(new OutboundPart(
                "13900000006", 0, 0, "back".getBytes(StandardCharsets.US_ASCII))).outcome())
                .isEqualTo(Outcome.ACCEPTED));
        assertThat(c.lastError()).isNull();
        assertThat(peer.countsByDestinationAndText()).containsEntry("13900000006|back", 1);
    }
}
