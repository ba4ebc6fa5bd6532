package org.hotline.sms.cmpp.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.sms.message.DeliveryReceipt;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.smpp.OutboundPart;
import org.hotline.sms.smpp.SmscConnection;
import org.hotline.sms.smpp.SmscListener;
import org.hotline.sms.smpp.SmscProperties.Smsc;
import org.hotline.sms.smpp.SmscReceipt;
import org.hotline.sms.smpp.SubmitResult;
import org.hotline.sms.smpp.SubmitResult.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CMPP 2.0 / 3.0 gateway account over Netty: {@code bindCount} connections, each logged in with CMPP_CONNECT and
 * kept by a slot thread that reconnects with capped backoff; submits from many threads share the ready connections,
 * paced, each within its connection's sliding window. Msg_Id is kept as its unsigned decimal number.
 */
public final class CmppSmscConnection implements SmscConnection {

    private static final Logger log = LoggerFactory.getLogger(CmppSmscConnection.class);
    private static final long MIN_BACKOFF_MS = 200;
    private static final long MAX_FLOW_CONTROL_BACKOFF_MS = 5_000;
    private static final long LOGIN_TIMEOUT_MS = 10_000;

    private final Smsc config;
    private final CmppVersion version;
    private final SmsCodec codec;
    private final SmscListener listener;
    private final Pacer pacer;
    private final Semaphore window;
    private final EventLoopGroup group;
    private final ExecutorService delivers;
    private final List<CmppBind> binds = new CopyOnWriteArrayList<>();
    private final List<Thread> slots = new CopyOnWriteArrayList<>();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private volatile String lastError;
    private volatile boolean closed;

    /** Sends through {@code config} (its {@code cmpp} settings), receipts and MO parts to {@code listener}. */
    public CmppSmscConnection(Smsc config, SmsCodec codec, SmscListener listener) {
        this.config = config;
        this.version = CmppVersion.parse(config.cmpp().version());
        this.codec = codec;
        this.listener = listener;
        this.pacer = new Pacer(config.maxSubmitsPerSecond());
        this.window = new Semaphore(maxInFlight(), true);
        this.group = new NioEventLoopGroup(Math.min(2, config.bindCount()), runnable -> {
            Thread t = new Thread(runnable, "cmpp-" + config.name() + "-io");
            t.setDaemon(true);
            return t;
        });
        // the listener blocks until a receipt is stored (batched): many at once, as jsmpp's processor threads do
        AtomicInteger n = new AtomicInteger();
        this.delivers = Executors.newFixedThreadPool(Math.max(4, Math.min(64, maxInFlight() * 2)), runnable -> {
            Thread t = new Thread(runnable, "cmpp-" + config.name() + "-deliver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public int maxInFlight() {
        return config.cmpp().window() * config.bindCount();
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
            Thread t = new Thread(this::keepBound, "cmpp-" + config.name() + "-bind-" + (i + 1));
            t.setDaemon(true);
            slots.add(t);
            t.start();
        }
    }

    @Override
    public String lastError() {
        return lastError;
    }

    @Override
    public boolean bound() {
        return binds.stream().anyMatch(CmppBind::ready);
    }

    /** Connections logged in right now. */
    int readyBinds() {
        return (int) binds.stream().filter(CmppBind::ready).count();
    }

    @Override
    public SubmitResult submit(OutboundPart part) throws InterruptedException {
        byte[] body;
        try {
            CmppParts.Fields f = CmppParts.outbound(part);
            String msgSrc = config.cmpp().msgSrc().isEmpty() ? config.systemId() : config.cmpp().msgSrc();
            body = new CmppSubmit(0, f.pkTotal(), f.pkNumber(), 1, 0, config.cmpp().serviceId(),
                    config.cmpp().feeUserType(), "", f.tpUdhi(), f.msgFmt(), msgSrc, config.cmpp().feeType(),
                    config.cmpp().feeCode(), part.sourceAddress() == null ? config.sourceAddress() : part.sourceAddress(),
                    List.of(part.destination()), f.content(), "")
                    .encode(version);
        } catch (IllegalArgumentException e) {
            return SubmitResult.of(Outcome.PERMANENT, null, "cannot encode CMPP_SUBMIT: " + e.getMessage());
        }
        window.acquire();
        try {
            long flowBackoff = 50;
            while (true) {
                CmppBind bind = acquireBind();
                if (bind == null) {
                    return SubmitResult.of(Outcome.NOT_SENT, null, "no bind to " + config.name());
                }
                try {
                    pacer.acquire();
                    CmppFrame frame = bind.request(CmppCommand.SUBMIT, body)
                            .get(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    CmppResponse r = CmppResponse.decode(frame.body(), version);
                    if (r.result() == 0) {
                        return SubmitResult.accepted(CmppResponse.canonicalId(r.msgId()));
                    }
                    if (r.result() == CmppResult.FLOW_CONTROL) {
                        // the gateway refused this one for now: everyone on this account waits, then it goes again
                        pacer.pause(flowBackoff);
                        flowBackoff = Math.min(MAX_FLOW_CONTROL_BACKOFF_MS, flowBackoff * 2);
                        continue;
                    }
                    return SubmitResult.of(CmppResult.temporary(r.result()) ? Outcome.TEMPORARY : Outcome.PERMANENT,
                            r.result(), CmppResult.name(r.result()));
                } catch (TimeoutException e) {
                    return SubmitResult.of(Outcome.IN_DOUBT, null, "no CMPP_SUBMIT_RESP within "
                            + config.responseTimeout());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CmppBind.NotWritten) {
                        return SubmitResult.of(Outcome.NOT_SENT, null, e.getCause().getMessage());
                    }
                    return SubmitResult.of(Outcome.IN_DOUBT, null, "connection lost before CMPP_SUBMIT_RESP");
                } catch (IllegalArgumentException e) {
                    return SubmitResult.of(Outcome.IN_DOUBT, null, "unreadable CMPP_SUBMIT_RESP: " + e.getMessage());
                } finally {
                    bind.window.release();
                }
            }
        } finally {
            window.release();
        }
    }

    /** A ready connection with a free window slot (round robin), or null when none is ready. */
    private CmppBind acquireBind() throws InterruptedException {
        while (!closed) {
            List<CmppBind> ready = binds.stream().filter(CmppBind::ready).toList();
            if (ready.isEmpty()) {
                return null;
            }
            int start = roundRobin.getAndIncrement();
            for (int i = 0; i < ready.size(); i++) {
                CmppBind b = ready.get(Math.floorMod(start + i, ready.size()));
                if (b.window.tryAcquire()) {
                    return b;
                }
            }
            CmppBind b = ready.get(Math.floorMod(start, ready.size()));
            if (b.window.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                return b;
            }
        }
        return null;
    }

    private void onDeliver(CmppBind.Delivered d) {
        CmppDeliver deliver;
        try {
            deliver = CmppDeliver.decode(d.frame().body(), version);
        } catch (IllegalArgumentException e) {
            log.warn("CMPP {}: unreadable CMPP_DELIVER answered with result 1: {}", config.name(), e.getMessage());
            d.bind().respond(CmppCommand.DELIVER_RESP, d.frame().sequenceId(), new CmppResponse(0, 1).encode(version));
            return;
        }
        try {
            if (deliver.statusReport()) {
                CmppStatusReport report = CmppStatusReport.decode(deliver.content(), version);
                listener.onReceipt(new SmscReceipt(config.name(), CmppResponse.canonicalId(report.msgId()),
                        report.destTerminalId(), deliver.destId(), DeliveryReceipt.parse(report.asReceiptText())));
            } else {
                int udhi = deliver.tpUdhi() == 1 ? 0x40 : 0;
                listener.onMessage(config.name(), deliver.destId(), codec.decode(deliver.srcTerminalId(),
                        CmppParts.dataCoding(deliver.msgFmt()), udhi,
                        CmppParts.content(deliver.msgFmt(), deliver.tpUdhi(), deliver.content())));
            }
        } catch (RuntimeException e) {
            // unanswered, the gateway delivers it again after its timeout (CMPP section 6: resent up to 3 times)
            log.warn("CMPP {}: CMPP_DELIVER not stored, left unanswered so the gateway sends it again: {}",
                    config.name(), e.toString());
            return;
        }
        d.bind().respond(CmppCommand.DELIVER_RESP, d.frame().sequenceId(),
                new CmppResponse(deliver.msgId(), 0).encode(version));
    }

    private void keepBound() {
        long backoff = MIN_BACKOFF_MS;
        while (!closed) {
            CmppBind bind = new CmppBind(config.name(), config.cmpp().window(), delivers, this::onDeliver);
            try {
                login(bind);
                lastError = null;
                backoff = MIN_BACKOFF_MS;
                binds.add(bind);
                log.info("CMPP {}: connected (CMPP {})", config.name(), version == CmppVersion.V2_0 ? "2.0" : "3.0");
                while (!closed && bind.channel().isActive()) {
                    bind.channel().closeFuture().await(500);
                }
                if (!closed) {
                    log.warn("CMPP {}: connection lost, reconnecting", config.name());
                }
            } catch (LoginFailed e) {
                lastError = e.getMessage();
                log.warn("CMPP {}: {} (retry in {} ms)", config.name(), lastError, backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                binds.remove(bind);
                bind.close();
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

    /** Why a connection could not log in. */
    private static final class LoginFailed extends Exception {
        LoginFailed(String reason) {
            super(reason);
        }
    }

    private void login(CmppBind bind) throws LoginFailed, InterruptedException {
        long idle = config.enquireLinkInterval().toMillis();
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(idle * 3, 0, idle, TimeUnit.MILLISECONDS),
                                new CmppFrameDecoder(CmppFrameDecoder.DEFAULT_MAX_FRAME_LENGTH),
                                new CmppFrameEncoder(), bind);
                    }
                }).connect(config.host(), config.port());
        if (!connect.await(LOGIN_TIMEOUT_MS) || !connect.isSuccess()) {
            connect.channel().close();
            throw new LoginFailed("cannot connect: " + (connect.cause() == null ? "timed out"
                    : connect.cause().getMessage()));
        }
        CmppFrame frame;
        try {
            frame = bind.request(CmppCommand.CONNECT, CmppConnect.of(config.systemId(), config.password(), version,
                    LocalDateTime.now()).encode()).get(LOGIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new LoginFailed("no CMPP_CONNECT_RESP: " + (e.getCause() != null ? e.getCause() : e));
        }
        CmppConnectResp resp;
        try {
            resp = CmppConnectResp.decode(frame.body(), version);
        } catch (IllegalArgumentException e) {
            throw new LoginFailed("unreadable CMPP_CONNECT_RESP (is the gateway CMPP "
                    + (version == CmppVersion.V2_0 ? "2.0" : "3.0") + "?): " + e.getMessage());
        }
        if (resp.status() != 0) {
            throw new LoginFailed("connect refused: " + CmppConnectResp.reason(resp.status()));
        }
        bind.markReady();
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : slots) {
            t.interrupt();
        }
        for (CmppBind b : binds) {
            b.close();
        }
        for (Thread t : slots) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        delivers.shutdown();
    }
}
