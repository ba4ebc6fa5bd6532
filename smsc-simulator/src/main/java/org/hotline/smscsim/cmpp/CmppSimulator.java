package org.hotline.smscsim.cmpp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.smscsim.ReceivedSms;
import org.hotline.smscsim.ReceivedSubmit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated CMPP 2.0 / 3.0 gateway (ISMG) for tests and the demo: checks CONNECT's authenticator (status 3 for a
 * wrong secret), answers SUBMIT with Msg_Ids laid out as ISMGs do (time, gateway code, sequence; December's set the
 * top bit), sends status reports after a delay to the SP (on the submitting connection, else another open one, else
 * at its next login; none sent again once written to a connection that then died), MO messages, ACTIVE_TEST; can be muted (no responses at all) and applies flow control (Result 8)
 * above a rate. Records every submit so a test can prove each message arrived exactly once.
 */
public final class CmppSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CmppSimulator.class);
    private static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final int GATEWAY_CODE = 0x12345;

    private final CmppSimulatorConfig config;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final ExecutorService readers = Executors.newCachedThreadPool(daemon("cmpp-sim-conn"));
    private final ScheduledExecutorService reports = Executors.newScheduledThreadPool(2, daemon("cmpp-sim-report"));
    private final List<GatewaySession> sessions = new CopyOnWriteArrayList<>();
    private final List<ReceivedSubmit> submits = new ArrayList<>();
    private final Reassembly reassembly = new Reassembly();
    // reports due while the SP had no connection: an ISMG queues them for the SP's next login
    private final List<Runnable> waiting = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger connectRefusals = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger reportsSent = new AtomicInteger();
    private final AtomicInteger reportsAcknowledged = new AtomicInteger();
    private final AtomicInteger reportsDropped = new AtomicInteger();
    private final AtomicInteger activeTests = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final Random random;
    private volatile int maxSubmitsPerSecond;
    private volatile boolean muted;
    private int mutedCount;
    private long windowSecond;
    private int windowCount;
    private volatile boolean closed;

    private CmppSimulator(CmppSimulatorConfig config) throws IOException {
        this.config = config;
        this.random = new Random(config.seed());
        this.maxSubmitsPerSecond = config.maxSubmitsPerSecond();
        this.serverSocket = new ServerSocket(config.port(), 200);
        this.acceptor = new Thread(this::acceptLoop, "cmpp-sim-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts listening. */
    public static CmppSimulator start(CmppSimulatorConfig config) throws IOException {
        return new CmppSimulator(config);
    }

    CmppSimulatorConfig config() {
        return config;
    }

    /** The port it listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = serverSocket.accept();
                GatewaySession session = new GatewaySession(this, s);
                readers.execute(session::run);
            } catch (IOException e) {
                if (!closed) {
                    log.warn("CMPP simulator: accept failed: {}", e.toString());
                }
            }
        }
    }

    void onLoggedIn(GatewaySession s) {
        sessions.add(s);
        logins.incrementAndGet();
        List<Runnable> due;
        synchronized (waiting) {
            due = new ArrayList<>(waiting);
            waiting.clear();
        }
        due.forEach(reports::execute);
    }

    void ended(GatewaySession s) {
        sessions.remove(s);
    }

    void onConnectRefused() {
        connectRefusals.incrementAndGet();
    }

    void onActiveTest() {
        activeTests.incrementAndGet();
    }

    boolean muted() {
        return muted;
    }

    void onDeliverResp(byte[] body, boolean v3) {
        ByteBuffer b = ByteBuffer.wrap(body);
        b.getLong();
        int result = v3 ? b.getInt() : b.get() & 0xff;
        if (result == 0) {
            reportsAcknowledged.incrementAndGet();
        }
    }

    void onSubmit(GatewaySession session, int seq, GatewaySession.Submit submit) {
        if (overRate()) {
            throttled.incrementAndGet();
            session.answerSubmit(seq, 0, 8);
            return;
        }
        long msgId = nextMsgId();
        String id = Long.toUnsignedString(msgId);
        String partText = Reassembly.text(submit.msgFmt(), Reassembly.payload(submit));
        synchronized (submits) {
            submits.add(new ReceivedSubmit(id, submit.destination(), submit.msgFmt(), submit.tpUdhi() == 1 ? 0x40 : 0,
                    submit.content(), partText, submit.srcId()));
        }
        reassembly.add(submit);
        // the gateway has the message either way: its report comes even when the response was never written
        if (submit.registeredDelivery() == 1 && config.receiptDelay() != null) {
            String submitTime = LocalDateTime.now().format(REPORT_TIME);
            reports.schedule(() -> report(session, msgId, submit, submitTime), config.receiptDelay().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (!holdWithoutAnswer()) {
            session.answerSubmit(seq, msgId, 0);
        }
    }

    /** Muted: nothing answered; after dropWithoutResponses(n): n kept unanswered, then every connection dropped. */
    private boolean holdWithoutAnswer() {
        if (muted) {
            return true;
        }
        synchronized (this) {
            if (mutedCount <= 0) {
                return false;
            }
            if (--mutedCount == 0) {
                reports.execute(this::dropConnections);
            }
            return true;
        }
    }

    private void report(GatewaySession submitter, long msgId, GatewaySession.Submit submit, String submitTime) {
        // CMPP delivers to the SP, not to a connection: the submitting one, else any the SP has open; with none open
        // it waits for the SP's next login; one written to a connection that then dies is never delivered again
        GatewaySession session = submitter.open() ? submitter
                : sessions.stream().filter(GatewaySession::open).findFirst().orElse(null);
        if (session == null) {
            synchronized (waiting) {
                if (sessions.stream().noneMatch(GatewaySession::open)) {
                    waiting.add(() -> report(submitter, msgId, submit, submitTime));
                    return;
                }
            }
            report(submitter, msgId, submit, submitTime);
            return;
        }
        String stat;
        synchronized (random) {
            stat = random.nextDouble() >= config.failureShare() ? "DELIVRD"
                    : random.nextBoolean() ? "UNDELIV" : "EXPIRED";
        }
        boolean v3 = session.v3();
        int t = CmppWire.terminalLength(v3);
        ByteBuffer c = ByteBuffer.allocate(8 + 7 + 10 + 10 + t + 4);
        c.putLong(msgId);
        CmppWire.putText(c, stat, 7);
        CmppWire.putText(c, submitTime, 10);
        CmppWire.putText(c, LocalDateTime.now().format(REPORT_TIME), 10);
        CmppWire.putText(c, submit.destination(), t);
        c.putInt((int) sequence.get());
        if (session.deliver(nextMsgId(), submit.srcId(), submit.destination(), 0, 1, c.array())) {
            reportsSent.incrementAndGet();
        } else {
            reportsDropped.incrementAndGet();
        }
    }

    /** Msg_Id as ISMGs lay it out: month 4 bits, day 5, hour 5, minute 6, second 6, gateway 22, sequence 16. */
    private long nextMsgId() {
        LocalDateTime now = LocalDateTime.now();
        long seq = sequence.incrementAndGet() & 0xffff;
        return ((long) now.getMonthValue() << 60) | ((long) now.getDayOfMonth() << 55) | ((long) now.getHour() << 50)
                | ((long) now.getMinute() << 44) | ((long) now.getSecond() << 38) | ((long) GATEWAY_CODE << 16) | seq;
    }

    private synchronized boolean overRate() {
        int limit = maxSubmitsPerSecond;
        if (limit <= 0) {
            return false;
        }
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != windowSecond) {
            windowSecond = second;
            windowCount = 0;
        }
        return ++windowCount > limit;
    }

    /** Every submit accepted so far, in order (messageId as an unsigned decimal, dataCoding = Msg_Fmt). */
    public List<ReceivedSubmit> submits() {
        synchronized (submits) {
            return List.copyOf(submits);
        }
    }

    /** How many submits were recorded so far. */
    public int submitCount() {
        synchronized (submits) {
            return submits.size();
        }
    }

    /** Every message whose parts have all arrived. */
    public List<ReceivedSms> messages() {
        return reassembly.messages();
    }

    /** How many whole messages arrived for each destination + text (exactly once means every value is 1). */
    public Map<String, Integer> countsByDestinationAndText() {
        return reassembly.countsByDestinationAndText();
    }

    /** CONNECTs refused (wrong SP id, secret or version). */
    public int connectRefusals() {
        return connectRefusals.get();
    }

    /** Successful logins so far. */
    public int logins() {
        return logins.get();
    }

    /** Connections logged in now. */
    public int openConnections() {
        return (int) sessions.stream().filter(GatewaySession::open).count();
    }

    /** Submits answered with Result 8 (flow control). */
    public int throttled() {
        return throttled.get();
    }

    /** Status reports written. */
    public int reportsSent() {
        return reportsSent.get();
    }

    /** Status reports the SP acknowledged with DELIVER_RESP Result 0. */
    public int reportsAcknowledged() {
        return reportsAcknowledged.get();
    }

    /** Status reports lost because the connection they were written to was gone. */
    public int reportsDropped() {
        return reportsDropped.get();
    }

    /** ACTIVE_TESTs received. */
    public int activeTests() {
        return activeTests.get();
    }

    /** Changes the flow-control rate (0: none). */
    public void setMaxSubmitsPerSecond(int rate) {
        maxSubmitsPerSecond = rate;
    }

    /** While muted, submits are recorded but nothing at all is answered. */
    public void setMuted(boolean on) {
        muted = on;
    }

    /** The next {@code n} submits are recorded but not answered; after the n-th every connection is dropped. */
    public synchronized void dropWithoutResponses(int n) {
        mutedCount = n;
    }

    /** Closes every connection at once (the SP must reconnect). */
    public void dropConnections() {
        for (GatewaySession s : sessions) {
            s.close();
        }
    }

    /** Sends an MO message from {@code source} to {@code destId} (106 code + extension) in UCS-2, or ASCII. */
    public void sendMo(String source, String destId, String text) throws IOException {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(text);
        sendMo(source, destId, ascii ? 0 : 8, text.getBytes(ascii ? StandardCharsets.US_ASCII
                : StandardCharsets.UTF_16BE));
    }

    /** Sends an MO message with this Msg_Fmt and content (e.g. 15 and GBK octets). */
    public void sendMo(String source, String destId, int msgFmt, byte[] content) throws IOException {
        GatewaySession s = sessions.stream().filter(GatewaySession::open).findFirst()
                .orElseThrow(() -> new IOException("no SP connected"));
        if (!s.deliver(nextMsgId(), destId, source, msgFmt, 0, content)) {
            throw new IOException("connection lost");
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("CMPP simulator: {}", e.toString());
        }
        dropConnections();
        reports.shutdownNow();
        readers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
