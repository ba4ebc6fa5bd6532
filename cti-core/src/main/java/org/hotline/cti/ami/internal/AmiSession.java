package org.hotline.cti.ami.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.AmiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol of one AMI TCP connection, on its Netty I/O thread: banner, {@code Login}, the resync lists with
 * live events held back, {@code Ping}, and the responses to actions. Frames go to the {@link FrameDispatcher}
 * in batches, one per socket read.
 */
public final class AmiSession extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);

    /** Where the session is. */
    enum Phase { BANNER, LOGIN, RESYNC, LIVE, CLOSED }

    private final AmiProperties properties;
    private final AmiAction login;
    private final AtomicLong ids;
    private final FrameDispatcher dispatcher;
    private final SessionCallbacks callbacks;
    private final PendingActions pending = new PendingActions();
    private final LogLimiter badInputLog = new LogLimiter(10_000, 5);

    private ChannelHandlerContext ctx;
    private volatile Phase phase = Phase.BANNER;
    private List<AmiMessage> batch = new ArrayList<>(64);
    private List<AmiMessage> held;
    private volatile long heldFirstNanos;
    private final Set<String> openLists = new HashSet<>(4);
    private String loginId;
    private String pingId;
    private boolean pingOutstanding;
    private String closeReason;
    private io.netty.util.concurrent.ScheduledFuture<?> handshakeTimer;
    private io.netty.util.concurrent.ScheduledFuture<?> pingTimer;
    private io.netty.util.concurrent.ScheduledFuture<?> resyncTimer;

    /** Creates the handler of one connection. */
    public AmiSession(AmiProperties properties, AmiAction login, AtomicLong ids, FrameDispatcher dispatcher,
            SessionCallbacks callbacks) {
        this.properties = properties;
        this.login = login;
        this.ids = ids;
        this.dispatcher = dispatcher;
        this.callbacks = callbacks;
        dispatcher.heldSince(() -> heldFirstNanos);
    }

    /** True once {@code Login} was accepted and until the channel closes. */
    public boolean isLoggedIn() {
        Phase p = phase;
        return p == Phase.RESYNC || p == Phase.LIVE;
    }

    /** The channel, or {@code null} before it is active. */
    public Channel channel() {
        ChannelHandlerContext c = ctx;
        return c == null ? null : c.channel();
    }

    /** Sends an action from any thread; the future completes (on the I/O thread) with its response. */
    public CompletableFuture<AmiMessage> send(AmiAction action, Duration timeout) {
        String id = nextId(action.name());
        Channel ch = channel();
        return pending.send(ch, action, id, timeout, () -> isLoggedIn() && ch.isActive());
    }

    /** Closes the connection, remembering why for the state and the log. */
    public void closeWith(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        ChannelHandlerContext c = ctx;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        handshakeTimer = schedule(properties.connectTimeout(), () -> {
            if (phase == Phase.BANNER) {
                closeWith("no AMI banner within " + properties.connectTimeout() + " (hotline.ami.connect-timeout)");
            }
        });
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        AmiMessage m = (AmiMessage) msg;
        dispatcher.countReceived();
        switch (phase) {
            case BANNER -> bannerRead(m);
            case LOGIN -> loginRead(m);
            case RESYNC -> resyncRead(m);
            case LIVE, CLOSED -> {
                if (m.isResponse()) {
                    responseRead(m);
                } else if (m.isEvent()) {
                    callbacks.eventRead(m);
                } else {
                    unrecognized(m);
                }
                batch.add(m);
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (phase == Phase.BANNER && cause instanceof DecoderException) {
            // Not Asterisk (or not AMI): reconnect rather than talk to it.
            log.error("AMI peer {} is not Asterisk: {}", ctx.channel().remoteAddress(), cause.getMessage());
            closeWith(cause.getMessage());
        } else if (cause instanceof TooLongFrameException || cause instanceof CorruptedFrameException) {
            callbacks.badInput();
            long skipped = badInputLog.tryAcquire(System.nanoTime());
            if (skipped >= 0) {
                log.warn("AMI input skipped: {} ({} similar not logged)", cause.getMessage(), skipped);
            }
        } else if (cause instanceof IOException) {
            closeWith(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        } else {
            log.warn("AMI connection failed; closing it", cause);
            closeWith(cause.toString());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Phase before = phase;
        phase = Phase.CLOSED;
        cancel(handshakeTimer);
        cancel(pingTimer);
        cancel(resyncTimer);
        flush();
        if (held != null) {
            // Never drop events: a drop mid-resync still delivers what was held, then onDisconnected.
            dispatcher.deliver(held);
            held = null;
            heldFirstNanos = 0;
        }
        boolean wasLoggedIn = before == Phase.RESYNC || before == Phase.LIVE;
        if (wasLoggedIn) {
            dispatcher.disconnected();
        }
        String reason = closeReason != null ? closeReason : "connection closed by the peer";
        pending.failAll("AMI connection lost before the response (" + reason + ")");
        callbacks.closed(this, reason, wasLoggedIn);
        ctx.fireChannelInactive();
    }

    private void bannerRead(AmiMessage banner) {
        batch.add(banner);
        phase = Phase.LOGIN;
        cancel(handshakeTimer);
        loginId = nextId("Login");
        write(login.toWire(loginId));
        handshakeTimer = schedule(properties.actionTimeout(), () -> {
            if (phase == Phase.LOGIN) {
                closeWith("no response to Login within " + properties.actionTimeout() + " (hotline.ami.action-timeout)");
            }
        });
        callbacks.bannerAccepted(this);
    }

    private void loginRead(AmiMessage m) {
        batch.add(m);
        if (!m.isResponse() || !loginId.equals(m.actionId())) {
            return;
        }
        cancel(handshakeTimer);
        if (!"Success".equalsIgnoreCase(m.responseStatus())) {
            String message = m.get("Message", m.responseStatus());
            callbacks.loginRejected(this, message);
            closeWith("Login refused: " + message);
            return;
        }
        long interval = properties.pingInterval().toNanos();
        pingTimer = ctx.executor().scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.NANOSECONDS);
        if (!properties.resyncEnabled()) {
            phase = Phase.LIVE;
            callbacks.loginAccepted(this);
            callbacks.resyncFinished(this);
            return;
        }
        phase = Phase.RESYNC;
        held = new ArrayList<>();
        flush();
        dispatcher.resyncStarted();
        callbacks.loginAccepted(this);
        for (String action : List.of("CoreShowChannels", "QueueStatus")) {
            String id = nextId("resync-" + action);
            openLists.add(id);
            write(AmiAction.of(action).toWire(id));
        }
        resyncTimer = schedule(properties.resyncTimeout(), () -> {
            if (phase == Phase.RESYNC) {
                log.warn("AMI resync lists {} not complete within {} (hotline.ami.resync-timeout);"
                        + " releasing {} held frames", openLists, properties.resyncTimeout(), held.size());
                finishResync();
            }
        });
    }

    private void resyncRead(AmiMessage m) {
        String id = m.actionId();
        if (id != null && openLists.contains(id)) {
            batch.add(m);
            if (m.isResponse() && !"Success".equalsIgnoreCase(m.responseStatus())) {
                log.warn("AMI resync list {} failed: {}; finishing the resync without it", id,
                        m.get("Message", m.responseStatus()));
                openLists.remove(id);
            } else if (m.isEvent() && "Complete".equalsIgnoreCase(m.get("EventList"))) {
                openLists.remove(id);
            }
            if (openLists.isEmpty()) {
                finishResync();
            }
            return;
        }
        if (m.isResponse()) {
            responseRead(m);
        } else if (m.isEvent()) {
            callbacks.eventRead(m);
        } else {
            unrecognized(m);
        }
        if (held.isEmpty()) {
            heldFirstNanos = m.receivedNanos();
        }
        held.add(m);
    }

    private void finishResync() {
        cancel(resyncTimer);
        openLists.clear();
        flush();
        dispatcher.resyncFinished();
        dispatcher.deliver(held);
        held = null;
        heldFirstNanos = 0;
        phase = Phase.LIVE;
        callbacks.resyncFinished(this);
    }

    private void responseRead(AmiMessage m) {
        String id = m.actionId();
        if (id == null) {
            return;
        }
        if (id.equals(pingId)) {
            pingOutstanding = false;
        } else {
            pending.complete(id, m);
        }
    }

    private void ping() {
        if (pingOutstanding) {
            closeWith("no Ping reply within " + properties.pingInterval() + " (hotline.ami.ping-interval)");
            return;
        }
        pingId = nextId("Ping");
        pingOutstanding = true;
        write(AmiAction.of("Ping").toWire(pingId));
    }

    private void unrecognized(AmiMessage m) {
        callbacks.badInput();
        long skipped = badInputLog.tryAcquire(System.nanoTime());
        if (skipped >= 0) {
            log.warn("AMI frame is neither an event nor a response, starts with '{}' ({} similar not logged)",
                    m.size() > 0 ? m.name(0) : "", skipped);
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            int size = batch.size();
            dispatcher.deliver(batch);
            batch = new ArrayList<>(Math.max(16, size));
        }
    }

    private void write(String wire) {
        ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), wire));
    }

    private String nextId(String prefix) {
        return prefix.toLowerCase(java.util.Locale.ROOT) + "-" + ids.incrementAndGet();
    }

    private io.netty.util.concurrent.ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        try {
            return ctx.executor().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null; // the event loop is shutting down: the connection is being closed anyway
        }
    }

    private static void cancel(io.netty.util.concurrent.ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
