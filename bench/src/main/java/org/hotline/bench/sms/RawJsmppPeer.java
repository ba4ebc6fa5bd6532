package org.hotline.bench.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.sms.message.EncodedSms;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;

/**
 * The peer, run in the same benchmark: plain jsmpp with no outbox, the same notices over the same number of
 * binds and window to the same simulator with receipts on, as fast as it can (nothing written anywhere).
 */
final class RawJsmppPeer {

    private RawJsmppPeer() {
    }

    /** Submits {@code messages} notices and returns submits per second, once every receipt has arrived. */
    static double run(int port, int messages, int binds, int window) throws Exception {
        SmsCodec codec = new SmsCodec(SmsCodecSettings.DEFAULTS);
        AtomicInteger receipts = new AtomicInteger();
        List<SMPPSession> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(binds * window);
        try {
            for (int b = 0; b < binds; b++) {
                SMPPSession s = new SMPPSession();
                s.setQueueCapacity(10_000);
                s.setPduProcessorDegree(Math.max(4, Math.min(32, window)));
                s.setTransactionTimer(10_000);
                s.setMessageReceiverListener(new MessageReceiverListener() {
                    public void onAcceptDeliverSm(DeliverSm deliverSm) {
                        receipts.incrementAndGet();
                    }

                    public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alert) {
                    }

                    public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm,
                                                                         org.jsmpp.session.Session source) {
                        return null;
                    }
                });
                s.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, "hotline", "secret", "",
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
                sessions.add(s);
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long t0 = System.nanoTime();
            for (int t = 0; t < binds * window; t++) {
                SMPPSession s = sessions.get(t % binds);
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        EncodedSms sms = codec.encode(SmsBenchmark.notice(i), (int) (i & 0xff));
                        try {
                            s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                                    "95598", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                                    SmsBenchmark.destination(i), new ESMClass(sms.parts().get(0).esmClass()), (byte) 0,
                                    (byte) 0, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                                    (byte) 0, DataCodings.newInstance((byte) sms.dataCoding()), (byte) 0,
                                    sms.parts().get(0).shortMessage());
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (receipts.get() < messages - failed.get() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            System.out.printf(java.util.Locale.ROOT, "raw jsmpp: %,d submits in %.2f s over %d bind(s), window %d per"
                    + " bind (%d failed, %,d receipts)%n", messages, seconds, binds, window, failed.get(),
                    receipts.get());
            return (messages - failed.get()) / seconds;
        } finally {
            pool.shutdownNow();
            sessions.forEach(SMPPSession::unbindAndClose);
        }
    }
}
