package org.hotline.sms.smpp.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.sms.message.ReceiptState;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.smpp.OutboundPart;
import org.hotline.sms.smpp.SmscConnection;
import org.hotline.sms.smpp.SmscListener;
import org.hotline.sms.smpp.SmscProperties.BindMode;
import org.hotline.sms.smpp.SmscProperties.Smsc;
import org.hotline.sms.smpp.SubmitResult;
import org.hotline.sms.smpp.SubmitResult.Outcome;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMSC account over jsmpp: {@code bindCount} bind slots, each a thread that binds, waits while bound and rebinds
 * with capped backoff; submits from many caller threads share the bound transmitters, paced and windowed.
 */
public final class JsmppSmscConnection implements SmscConnection {

    private static final Logger log = LoggerFactory.getLogger(JsmppSmscConnection.class);
    private static final long MIN_BACKOFF_MS = 200;
    private static final long MAX_THROTTLE_BACKOFF_MS = 5_000;

    private final Smsc config;
    private final SmsCodec codec;
    private final SmscListener listener;
    private final Pacer pacer;
    private final Semaphore window;
    private final List<SMPPSession> transmitters = new CopyOnWriteArrayList<>();
    private final List<SMPPSession> open = new CopyOnWriteArrayList<>();
    private final List<Thread> slots = new CopyOnWriteArrayList<>();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private volatile String lastError;
    // set when the SMSC's answers contradict a setting (submit-id-format): nothing more is sent through it
    private volatile String misconfigured;
    private volatile boolean closed;

    /** Sends through {@code config}, handing receipts and MO parts (decoded by {@code codec}) to {@code listener}. */
    public JsmppSmscConnection(Smsc config, SmsCodec codec, SmscListener listener) {
        this.config = config;
        this.codec = codec;
        this.listener = listener;
        this.pacer = new Pacer(config.maxSubmitsPerSecond());
        // max-in-flight is per bind: a crash leaves at most that many submits per bind without their response
        this.window = new Semaphore(config.maxInFlight() * config.bindCount(), true);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public int maxInFlight() {
        return config.maxInFlight() * config.bindCount();
    }

    @Override
    public String sourceAddress() {
        return config.sourceAddress();
    }

    @Override
    public synchronized void start() {
        if (!slots.isEmpty()) {
            return;
        }
        for (int i = 0; i < config.bindCount(); i++) {
            Thread t = new Thread(this::keepBound, "smpp-" + config.name() + "-bind-" + (i + 1));
            t.setDaemon(true);
            slots.add(t);
            t.start();
        }
    }

    @Override
    public String lastError() {
        String fatal = misconfigured;
        return fatal != null ? fatal : lastError;
    }

    @Override
    public boolean bound() {
        return misconfigured == null && transmitters.stream().anyMatch(s -> s.getSessionState().isTransmittable());
    }

    /** Sessions open right now (each bind slot holds at most one, two in TX+RX mode). */
    int openSessions() {
        return (int) open.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    @Override
    public SubmitResult submit(OutboundPart part) throws InterruptedException {
        window.acquire();
        try {
            long throttleBackoff = 50;
            while (true) {
                SMPPSession session = pick();
                if (session == null || misconfigured != null) {
                    return SubmitResult.of(Outcome.NOT_SENT, null, misconfigured != null ? misconfigured
                            : "no bind to " + config.name());
                }
                pacer.acquire();
                try {
                    String source = part.sourceAddress() == null ? config.sourceAddress() : part.sourceAddress();
                    SubmitSmResult r = session.submitShortMessage(config.systemType(),
                            TypeOfNumber.valueOf(config.sourceTon().byteValue()),
                            NumberingPlanIndicator.valueOf(config.sourceNpi().byteValue()), source,
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, part.destination(),
                            new ESMClass(part.esmClass()), (byte) 0, (byte) 0, null, null,
                            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                            DataCodings.newInstance((byte) part.dataCoding()), (byte) 0, part.shortMessage());
                    return accepted(r.getMessageId());
                } catch (NegativeResponseException e) {
                    int status = e.getCommandStatus();
                    if (status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL) {
                        // the SMSC refused this one for now: everyone on this account waits, then it goes again
                        pacer.pause(throttleBackoff);
                        throttleBackoff = Math.min(MAX_THROTTLE_BACKOFF_MS, throttleBackoff * 2);
                        continue;
                    }
                    return SubmitResult.of(SmppStatus.temporary(status) ? Outcome.TEMPORARY : Outcome.PERMANENT,
                            status, SmppStatus.name(status));
                } catch (ResponseTimeoutException | InvalidResponseException e) {
                    return SubmitResult.of(Outcome.IN_DOUBT, null, "no valid response: " + e.getMessage());
                } catch (PDUException e) {
                    return SubmitResult.of(Outcome.PERMANENT, null, "cannot encode submit_sm: " + e.getMessage());
                } catch (IOException e) {
                    // jsmpp checks the state before writing and says "Cannot submitShortMessage while ..."
                    boolean unsent = e.getMessage() != null && e.getMessage().startsWith("Cannot ");
                    return SubmitResult.of(unsent ? Outcome.NOT_SENT : Outcome.IN_DOUBT, null, String.valueOf(e));
                }
            }
        } finally {
            window.release();
        }
    }

    /**
     * The SMSC took the part: its id, canonical. An id the configured submit-id-format cannot read means the setting
     * is wrong: the part is recorded under the id as written (the SMSC has it: never sent again), and this account
     * stops sending with the reason in its error and in health until the setting is corrected.
     */
    private SubmitResult accepted(String rawId) {
        try {
            return SubmitResult.accepted(config.messageIds().fromSubmitResponse(rawId));
        } catch (IllegalArgumentException e) {
            String reason = "SMSC " + config.name() + " answered submit_sm with id '" + rawId + "', not "
                    + config.submitIdFormat().name().toLowerCase(java.util.Locale.ROOT)
                    + ": check hotline.sms.smsc[].submit-id-format; sending through it stopped";
            if (misconfigured == null) {
                log.error(reason);
            }
            misconfigured = reason;
            return SubmitResult.accepted(rawId == null ? "" : rawId.trim());
        }
    }

    @Override
    public boolean answersQuery() {
        return config.querySm();
    }

    @Override
    public ReceiptState query(String messageId) throws InterruptedException {
        if (!config.querySm() || misconfigured != null) {
            return null;
        }
        SMPPSession session = pick();
        if (session == null) {
            return null;
        }
        window.acquire();
        try {
            pacer.acquire();
            MessageState state = session.queryShortMessage(config.messageIds().toSubmitResponse(messageId),
                    TypeOfNumber.valueOf(config.sourceTon().byteValue()),
                    NumberingPlanIndicator.valueOf(config.sourceNpi().byteValue()), config.sourceAddress())
                    .getMessageState();
            return switch (state) {
                case DELIVERED -> ReceiptState.DELIVERED;
                case EXPIRED -> ReceiptState.EXPIRED;
                case DELETED -> ReceiptState.DELETED;
                case UNDELIVERABLE -> ReceiptState.UNDELIVERABLE;
                case ACCEPTED -> ReceiptState.ACCEPTED;
                case REJECTED -> ReceiptState.REJECTED;
                case ENROUTE, SCHEDULED -> ReceiptState.ENROUTE;
                default -> ReceiptState.UNKNOWN;
            };
        } catch (PDUException | ResponseTimeoutException | InvalidResponseException | NegativeResponseException
                 | IOException e) {
            log.debug("SMSC {}: query_sm {} not answered: {}", config.name(), messageId, e.toString());
            return null;
        } finally {
            window.release();
        }
    }

    private SMPPSession pick() {
        List<SMPPSession> ready = transmitters.stream().filter(s -> s.getSessionState().isTransmittable()).toList();
        return ready.isEmpty() ? null : ready.get(Math.floorMod(roundRobin.getAndIncrement(), ready.size()));
    }

    private void keepBound() {
        long backoff = MIN_BACKOFF_MS;
        while (!closed) {
            List<SMPPSession> sessions = new java.util.ArrayList<>();
            try {
                if (config.bindMode() == BindMode.TRANSCEIVER) {
                    sessions.add(bind(BindType.BIND_TRX));
                } else {
                    sessions.add(bind(BindType.BIND_TX));
                    sessions.add(bind(BindType.BIND_RX));
                }
                lastError = null;
                backoff = MIN_BACKOFF_MS;
                sessions.stream().filter(s -> s.getSessionState().isTransmittable()).forEach(transmitters::add);
                log.info("SMSC {}: bound ({} session(s))", config.name(), sessions.size());
                awaitAnyUnbound(sessions);
                if (!closed) {
                    log.warn("SMSC {}: connection lost, rebinding", config.name());
                }
            } catch (IOException e) {
                lastError = describe(e);
                log.warn("SMSC {}: {} (retry in {} ms)", config.name(), lastError, backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                transmitters.removeAll(sessions);
                for (SMPPSession s : sessions) {
                    closeSession(s);
                }
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(config.reconnectBackoffCap().toMillis(), backoff * 2);
        }
    }

    private SMPPSession bind(BindType type) throws IOException {
        SMPPSession session = new SMPPSession(new NoDelaySocketConnectionFactory(5_000));
        // the window of responses and receipts must fit the receive queue, or jsmpp answers receipts with THROTTLED
        session.setQueueCapacity(receiveQueueCapacity(config.maxInFlight()));
        session.setPduProcessorDegree(processorDegree(config.maxInFlight()));
        session.setTransactionTimer(config.responseTimeout().toMillis());
        session.setEnquireLinkTimer((int) config.enquireLinkInterval().toMillis());
        if (type != BindType.BIND_TX) {
            session.setMessageReceiverListener(new ReceiverAdapter(config, codec, listener));
        }
        open.add(session);
        try {
            session.connectAndBind(config.host(), config.port(), new BindParameter(type, config.systemId(),
                    config.password(), config.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    null), 10_000);
            return session;
        } catch (IOException e) {
            open.remove(session);
            session.close();
            throw e;
        }
    }

    /** jsmpp's default of 100 overflows under a window of receipts; keep room for many windows. */
    static int receiveQueueCapacity(int maxInFlight) {
        return Math.max(10_000, maxInFlight * 100);
    }

    static int processorDegree(int maxInFlight) {
        return Math.max(4, Math.min(32, maxInFlight));
    }

    private void awaitAnyUnbound(List<SMPPSession> sessions) throws InterruptedException {
        CountDownLatch down = new CountDownLatch(1);
        for (SMPPSession s : sessions) {
            s.addSessionStateListener((now, old, src) -> {
                if (!now.isBound()) {
                    down.countDown();
                }
            });
            if (!s.getSessionState().isBound()) {
                down.countDown();
            }
        }
        while (!closed && !down.await(500, TimeUnit.MILLISECONDS)) {
            if (sessions.stream().anyMatch(s -> !s.getSessionState().isBound())) {
                return;
            }
        }
    }

    private void closeSession(SMPPSession s) {
        open.remove(s);
        if (s.getSessionState().isBound()) {
            // SMSCs close right after unbind_resp and jsmpp may miss it: do not hold a shutdown for 10 s
            s.setTransactionTimer(1_000);
            s.unbindAndClose();
        } else if (s.getSessionState() != SessionState.CLOSED) {
            s.close();
        }
    }

    private static String describe(IOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof NegativeResponseException n) {
            return "bind refused: " + SmppStatus.name(n.getCommandStatus());
        }
        return "cannot bind: " + e.getMessage();
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : slots) {
            t.interrupt();
        }
        for (SMPPSession s : open) {
            closeSession(s);
        }
        for (Thread t : slots) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
