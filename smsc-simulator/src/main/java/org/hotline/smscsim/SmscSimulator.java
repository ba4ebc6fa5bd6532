package org.hotline.smscsim;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.smscsim.SmscSimulatorConfig.IdFormat;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated SMSC over real SMPP 3.4 (jsmpp's server side) for tests and the demo: checks binds, answers submits
 * with ids, sends delivery receipts after a delay (some failing), throttles above a rate, can drop every connection
 * and send MO messages, and records every submit so a test can prove each message arrived exactly once. Receipts
 * are written as real SMSCs write them (configurable: {@code text:} in GSM with {@code ?}, empty, or in full) and a
 * receipt whose session died is kept for the next bind or dropped ({@link SmscSimulatorConfig.ReceiptRedelivery}).
 */
public final class SmscSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");

    private final SmscSimulatorConfig config;
    private final ServerSocket serverSocket;
    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private final ExecutorService binders = Executors.newCachedThreadPool(daemon("smsc-bind"));
    private final ScheduledExecutorService receipts = Executors.newScheduledThreadPool(4, daemon("smsc-receipt"));
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    // not copy-on-write: at thousands of submits a second every add would copy the whole history
    private final List<ReceivedSubmit> submits = new ArrayList<>();
    private final Map<String, List<byte[]>> partsInProgress = new HashMap<>();
    private final List<ReceivedSms> messages = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(0x10000);
    private final AtomicInteger bindFailures = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger receiptsSent = new AtomicInteger();
    private final AtomicInteger receiptRejections = new AtomicInteger();
    private final AtomicInteger maxBound = new AtomicInteger();
    private final AtomicInteger receiptsDropped = new AtomicInteger();
    private final QueryAnswers answers = new QueryAnswers();
    private final Muting muting = new Muting();
    private final Random random;
    private volatile int maxSubmitsPerSecond;
    private volatile boolean receiptedMessageIdTlv = true;
    private long windowSecond;
    private int windowCount;
    private volatile boolean closed;
    private volatile boolean down;

    private SmscSimulator(SmscSimulatorConfig config) throws IOException {
        this.config = config;
        this.random = new Random(config.seed());
        this.maxSubmitsPerSecond = config.maxSubmitsPerSecond();
        this.serverSocket = new ServerSocket(config.port(), 200);
        this.listener = new SMPPServerSessionListener(config.port(), new BoundSocketFactory(serverSocket));
        listener.setPduProcessorDegree(8);
        listener.setQueueCapacity(10_000);
        listener.setMessageReceiverListener(new SubmitHandler(this));
        this.acceptor = new Thread(this::acceptLoop, "smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts listening. */
    public static SmscSimulator start(SmscSimulatorConfig config) throws IOException {
        return new SmscSimulator(config);
    }

    /** The port it listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Every submit_sm accepted so far, in order. */
    public List<ReceivedSubmit> submits() {
        synchronized (submits) {
            return List.copyOf(submits);
        }
    }

    /** How many submit_sm were accepted so far (without copying them). */
    public int submitCount() {
        synchronized (submits) {
            return submits.size();
        }
    }

    /** Every message whose parts have all arrived, in completion order. */
    public synchronized List<ReceivedSms> messages() {
        return List.copyOf(messages);
    }

    /** How many whole messages arrived for each destination + text (exactly once means every value is 1). */
    public synchronized Map<String, Integer> countsByDestinationAndText() {
        Map<String, Integer> counts = new HashMap<>();
        for (ReceivedSms m : messages) {
            counts.merge(m.destination() + '|' + m.text(), 1, Integer::sum);
        }
        return counts;
    }

    /** Binds refused for bad credentials. */
    public int bindFailures() {
        return bindFailures.get();
    }

    /** Submits answered with ESME_RTHROTTLED. */
    public int throttled() {
        return throttled.get();
    }

    /** Delivery receipts acknowledged by the client. */
    public int receiptsSent() {
        return receiptsSent.get();
    }

    /** Receipts the client answered with an error (e.g. ESME_RTHROTTLED from an overflowing receive queue). */
    public int receiptRejections() {
        return receiptRejections.get();
    }

    /** Sessions bound right now. */
    public int boundSessions() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** The most sessions ever bound at once. */
    public int maxBoundSessions() {
        return maxBound.get();
    }

    /** Changes the throttling rate (0: none) while running. */
    public void setMaxSubmitsPerSecond(int rate) {
        this.maxSubmitsPerSecond = rate;
    }

    /** Whether receipts carry the receipted_message_id TLV (true) or only the {@code id:} in their text. */
    public void setReceiptedMessageIdTlv(boolean on) {
        this.receiptedMessageIdTlv = on;
    }

    /** Closes every connection abruptly (no unbind), as a network failure or SMSC restart would. */
    public void dropConnections() {
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    /**
     * Takes the SMSC out of service ({@code true}: every connection dropped, binds refused with ESME_RBINDFAIL) or
     * back into it, as a carrier's gateway that goes down and comes back.
     */
    public void setDown(boolean out) {
        down = out;
        if (out) {
            dropConnections();
        }
    }

    /** Sends a mobile-originated message (UCS-2 if not ASCII) from {@code source} to {@code destination}. */
    public void sendMo(String source, String destination, String text) throws IOException {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        byte[] body = ascii ? text.getBytes(StandardCharsets.US_ASCII) : text.getBytes(StandardCharsets.UTF_16BE);
        deliver(source, destination, new ESMClass(), ascii ? 0 : 8, body, new OptionalParameter[0], null);
    }

    @Override
    public void close() {
        closed = true;
        for (SMPPServerSession s : sessions) {
            s.unbindAndClose();
        }
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing listener", e);
        }
        binders.shutdownNow();
        receipts.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                binders.execute(() -> bind(session));
            } catch (IOException e) {
                if (!closed) {
                    log.warn("accept failed", e);
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            if (down || !config.systemId().equals(request.getSystemId())
                    || !config.password().equals(request.getPassword())) {
                bindFailures.incrementAndGet();
                request.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
                // closing at once races jsmpp's client, which then loses the bind_resp and reports a timeout
                receipts.schedule(session::close, 2, TimeUnit.SECONDS);
                return;
            }
            request.accept(config.systemId());
            sessions.add(session);
            maxBound.accumulateAndGet(boundSessions(), Math::max);
            session.addSessionStateListener((now, old, s) -> {
                if (!now.isBound()) {
                    sessions.remove(s);
                }
            });
        } catch (Exception e) {
            log.debug("bind failed", e);
            session.close();
        }
    }

    /**
     * The next {@code n} submits are accepted (kept, their receipts due) but never answered: once the n-th arrives, or
     * 2 s after the first, every connection is closed, as an SMSC that restarts or a network that fails mid-window.
     */
    public void dropWithoutResponses(int n) {
        muting.arm(n);
    }

    /** query_sm answered so far. */
    public int queries() {
        return answers.answered();
    }

    org.jsmpp.session.QuerySmResult onQuery(org.jsmpp.bean.QuerySm query) throws ProcessRequestException {
        return answers.answer(query.getMessageId());
    }

    /** Receipts dropped because the session they were due on was gone ({@code ReceiptRedelivery.NONE}). */
    public int receiptsDropped() {
        return receiptsDropped.get();
    }

    SubmitSmResult onSubmit(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        synchronized (this) {
            long second = System.nanoTime() / 1_000_000_000L;
            if (second != windowSecond) {
                windowSecond = second;
                windowCount = 0;
            }
            if (maxSubmitsPerSecond > 0 && windowCount >= maxSubmitsPerSecond) {
                throttled.incrementAndGet();
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            windowCount++;
        }
        long id = nextId.getAndIncrement();
        String submitId = format(id, config.submitIdFormat());
        byte[] sm = submit.getShortMessage();
        int dc = submit.getDataCoding() & 0xff;
        boolean udh = (submit.getEsmClass() & 0x40) != 0 && sm.length > 0;
        int udhLength = udh ? (sm[0] & 0xff) + 1 : 0;
        byte[] payload = java.util.Arrays.copyOfRange(sm, Math.min(udhLength, sm.length), sm.length);
        String partText = Texts.decode(dc, payload);
        synchronized (submits) {
            submits.add(new ReceivedSubmit(submitId, submit.getDestAddress(), dc, submit.getEsmClass(), sm, partText,
                    submit.getSourceAddr()));
        }
        collect(submit.getDestAddress(), dc, udh ? sm : null, payload);
        boolean failed = random.nextDouble() < config.failureShare();
        String stat = failed ? (random.nextBoolean() ? "UNDELIV" : "EXPIRED") : "DELIVRD";
        answers.remember(submitId, stat);
        if (config.receiptDelay() != null && (submit.getRegisteredDelivery() & 0x03) != 0) {
            String receiptId = format(id, config.receiptIdFormat());
            // the receivers the receipt is due on: this transceiver, or the receivers bound now (TX + RX binds)
            List<SMPPServerSession> dueOn = session != null && session.getSessionState() == SessionState.BOUND_TRX
                    ? List.of(session) : sessions.stream().filter(s -> s.getSessionState() == SessionState.BOUND_RX)
                    .toList();
            receipts.schedule(() -> sendReceipt(submit.getDestAddress(), submit.getSourceAddr(), receiptId, submitId,
                    stat, partText, dueOn), config.receiptDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
        muting.holdIfMuted(this::dropConnections, receipts);
        try {
            return new SubmitSmResult(new MessageId(submitId), new OptionalParameter[0]);
        } catch (org.jsmpp.PDUStringException e) {
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    private synchronized void collect(String destination, int dc, byte[] udhMessage, byte[] payload) {
        if (udhMessage == null || udhMessage.length < 6 || udhMessage[1] != 0x00) {
            messages.add(new ReceivedSms(destination, dc, 1, payload, Texts.decode(dc, payload)));
            return;
        }
        int ref = udhMessage[3] & 0xff;
        int total = udhMessage[4] & 0xff;
        int seq = udhMessage[5] & 0xff;
        String key = destination + '/' + ref + '/' + total + '/' + dc;
        List<byte[]> parts = partsInProgress.computeIfAbsent(key, k -> new ArrayList<>(java.util.Collections.nCopies(total, null)));
        if (seq < 1 || seq > total) {
            return;
        }
        parts.set(seq - 1, payload);
        if (parts.stream().allMatch(java.util.Objects::nonNull)) {
            partsInProgress.remove(key);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            parts.forEach(all::writeBytes);
            byte[] joined = all.toByteArray();
            messages.add(new ReceivedSms(destination, dc, total, joined, Texts.decode(dc, joined)));
        }
    }

    /** The receipt's {@code text:} as this SMSC writes it: up to 20 characters (SMPP 3.4 Appendix B). */
    private String receiptText(String partText) {
        return switch (config.receiptText()) {
            case EMPTY -> "";
            case FULL -> partText.codePointCount(0, partText.length()) > 20
                    ? partText.substring(0, partText.offsetByCodePoints(0, 20)) : partText;
            case GSM -> Texts.asGsm(partText, 20);
        };
    }

    private void sendReceipt(String from, String to, String id, String tlvId, String stat, String partText,
                             List<SMPPServerSession> dueOn) {
        String date = LocalDateTime.now().format(RECEIPT_DATE);
        String prefix = receiptText(partText);
        String text = "id:" + id + " sub:001 dlvrd:" + ("DELIVRD".equals(stat) ? "001" : "000") + " submit date:"
                + date + " done date:" + date + " stat:" + stat + " err:" + ("DELIVRD".equals(stat) ? "000" : "001")
                + " text:" + prefix;
        List<SMPPServerSession> only = null;
        if (config.receiptRedelivery() == SmscSimulatorConfig.ReceiptRedelivery.NONE) {
            only = dueOn.stream().filter(s -> s.getSessionState().isBound()).toList();
            if (only.isEmpty()) {
                receiptsDropped.incrementAndGet();
                return;
            }
        }
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        byte[] body = ascii ? text.getBytes(StandardCharsets.US_ASCII) : text.getBytes(StandardCharsets.UTF_16BE);
        OptionalParameter[] tlv = {receiptedMessageIdTlv ? new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), tlvId) : null};
        try {
            // SMPP 3.4 puts the submit_sm_resp form in the TLV; the text's id: follows the receipt format
            deliver(from, to, new ESMClass(SMPPConstant.ESMCLS_SMSC_DELIV_RECEIPT), ascii ? 0 : 8, body,
                    receiptedMessageIdTlv ? tlv : new OptionalParameter[0], only);
            receiptsSent.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof org.jsmpp.extra.NegativeResponseException) {
                receiptRejections.incrementAndGet();
            }
            if (!closed) {
                // an SMSC keeps receipts until a receiver takes them: try again shortly
                receipts.schedule(() -> sendReceipt(from, to, id, tlvId, stat, partText, dueOn), 200,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private void deliver(String source, String destination, ESMClass esm, int dc, byte[] body,
                         OptionalParameter[] tlv, List<SMPPServerSession> only) throws IOException {
        List<SMPPServerSession> receivers = (only != null ? only : sessions).stream()
                .filter(s -> s.getSessionState() == SessionState.BOUND_RX
                        || s.getSessionState() == SessionState.BOUND_TRX).toList();
        if (receivers.isEmpty()) {
            throw new IOException("no receiver bound");
        }
        SMPPServerSession s = receivers.get(Math.floorMod(random.nextInt(), receivers.size()));
        try {
            s.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, destination, esm, (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), DataCodings.newInstance((byte) dc), body, tlv);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("deliver_sm failed: " + e, e);
        }
    }

    private static String format(long id, IdFormat format) {
        return format == IdFormat.HEX ? Long.toHexString(id).toUpperCase(java.util.Locale.ROOT) : Long.toString(id);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + '-' + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Hands jsmpp the socket bound in the constructor, so port 0 works and {@link #port()} is known at once. */
    private record BoundSocketFactory(ServerSocket socket) implements ServerConnectionFactory {
        @Override
        public ServerConnection listen(int port) {
            return new ServerSocketConnection(socket);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            return listen(port, timeout);
        }
    }

}
