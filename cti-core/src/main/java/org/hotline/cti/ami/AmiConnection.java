package org.hotline.cti.ami;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hotline.cti.ami.internal.AmiFrameDecoder;
import org.hotline.cti.ami.internal.AmiMetrics;
import org.hotline.cti.ami.internal.AmiSession;
import org.hotline.cti.ami.internal.Backoff;
import org.hotline.cti.ami.internal.ConnectionStates;
import org.hotline.cti.ami.internal.ConnectionStates.Signal;
import org.hotline.cti.ami.internal.FrameDispatcher;
import org.hotline.cti.ami.internal.LogLimiter;
import org.hotline.cti.ami.internal.SessionCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client connection to the Asterisk Manager Interface that logs in, resyncs, keeps itself alive and hands every
 * frame to one {@link AmiListener} on a dedicated thread, reconnecting with capped backoff until {@link #close()}.
 *
 * <p>One Netty NIO thread reads and never waits for the listener (Asterisk drops readers that stall past its
 * {@code writetimeout}); the hand-off queue is unbounded so no event is ever dropped, and its lag is in
 * {@link #stats()}. Futures of {@link #sendAction} complete on the I/O thread: use the {@code *Async} variants
 * for anything slow.
 */
public final class AmiConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);

    private final AmiProperties properties;
    private final FrameDispatcher dispatcher;
    private final Backoff backoff;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong badInput = new AtomicLong();
    private final AtomicLong logins = new AtomicLong();
    private final LogLimiter connectFailureLog = new LogLimiter(60_000, 1);
    private final Object lock = new Object();
    private final Callbacks callbacks = new Callbacks();
    private final List<Consumer<AmiMessage>> taps = new CopyOnWriteArrayList<>();

    private volatile AmiConnectionState state = AmiConnectionState.DISCONNECTED;
    private volatile String lastError = "not started";
    private volatile AmiSession session;
    private EventLoopGroup group;
    private Bootstrap bootstrap;
    private AmiAction login;
    private boolean started;
    private int failures;
    private boolean authFailureLogged;

    /** Creates a connection without metrics; nothing happens until {@link #start()}. */
    public AmiConnection(AmiProperties properties, AmiListener listener) {
        this(properties, listener, null);
    }

    /** Creates a connection whose lag and counters are also published to {@code registry} when it is not null. */
    public AmiConnection(AmiProperties properties, AmiListener listener, MeterRegistry registry) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.dispatcher = new FrameDispatcher(Objects.requireNonNull(listener, "listener"), "hotline-ami-listener");
        this.backoff = new Backoff(properties.reconnectMin(), properties.reconnectMax(), properties.reconnectJitter());
        if (registry != null) {
            AmiMetrics.register(registry, this);
        }
    }

    /**
     * Starts connecting in the background and returns at once. Without credentials it does not connect: the state
     * is {@link AmiConnectionState#AUTH_FAILED} with a message naming the settings.
     */
    public void start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("AmiConnection: already started (expected: start() once)");
            }
            started = true;
            dispatcher.start();
            if (!properties.hasCredentials()) {
                String error = "no AMI credentials: set hotline.ami.username and hotline.ami.secret"
                        + " (env HOTLINE_AMI_USERNAME, HOTLINE_AMI_SECRET)";
                log.error("{}; not connecting to {}:{}", error, properties.host(), properties.port());
                state = AmiConnectionState.AUTH_FAILED;
                lastError = error;
                return;
            }
            login = new AmiAction("Login", List.of(new AmiAction.Field("Username", properties.username()),
                    new AmiAction.Field("Secret", properties.secret()), new AmiAction.Field("Events", "on")));
            group = new NioEventLoopGroup(1, new DefaultThreadFactory("hotline-ami-io", true));
            bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                            properties.connectTimeout().toMillis()))
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    // A large receive buffer and 64 KB reads absorb bursts (4,262 events/s peak in 07-burst).
                    .option(ChannelOption.SO_RCVBUF, 1 << 20)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(4096, 65536, 262144))
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            AmiSession s = new AmiSession(properties, login, ids, dispatcher, callbacks);
                            session = s;
                            ch.pipeline().addLast(
                                    new AmiFrameDecoder(properties.maxLineLength(), properties.maxFieldsPerFrame()), s);
                        }
                    });
            log.info("AMI connecting to {}:{} as {}", properties.host(), properties.port(), properties.username());
            transition(Signal.CONNECT_STARTED, null);
            group.execute(this::connect);
        }
    }

    /** Where the connection is now. */
    public AmiConnectionState state() {
        return state;
    }

    /** Why the connection is (or last was) not connected, or {@code null} while connected. */
    public String lastError() {
        return state.isLoggedIn() ? null : lastError;
    }

    /**
     * When ({@link System#nanoTime()}) the frame now in the listener's hands was read off the socket, 0 outside a
     * delivery: read on the listener's thread, it dates the events a frame causes (the screen-pop latency's start).
     */
    public long deliveringSince() {
        return dispatcher.deliveringSince();
    }

    /** A snapshot of the counters and of the listener's lag. */
    public AmiStats stats() {
        long received = dispatcher.received();
        long delivered = dispatcher.delivered();
        long queued = Math.max(0, received - delivered);
        Duration age = queued == 0 ? Duration.ZERO : dispatcher.oldestAge(System.nanoTime());
        return new AmiStats(received, delivered, queued, age, badInput.get(), dispatcher.listenerErrors(),
                logins.get());
    }

    /**
     * Sends an action and returns its response, matched by a generated ActionID. Fails at once with
     * {@link AmiNotConnectedException} when not logged in, and with a {@link java.util.concurrent.TimeoutException}
     * after {@code hotline.ami.action-timeout}. A {@code Response: Error} completes normally: check
     * {@link AmiMessage#responseStatus()}.
     */
    public CompletableFuture<AmiMessage> sendAction(AmiAction action) {
        Objects.requireNonNull(action, "action");
        AmiSession s = session;
        AmiConnectionState st = state;
        if (s == null || !st.isLoggedIn()) {
            return CompletableFuture.failedFuture(new AmiNotConnectedException("AMI action " + action.name()
                    + " not sent: state " + st + (lastError == null ? "" : " (" + lastError + ")")));
        }
        return s.send(action, properties.actionTimeout());
    }

    /**
     * Also hands every event read after login to {@code tap}, on the I/O thread, in wire order with the responses
     * and before the listener gets it: for confirming a command by the events it causes. The tap must be quick and
     * never block or throw (it runs on the reader thread); closing the returned handle removes it.
     */
    public AutoCloseable tap(Consumer<AmiMessage> tap) {
        Objects.requireNonNull(tap, "tap");
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    /** Sends an action with these fields in the map's order; see {@link #sendAction(AmiAction)}. */
    public CompletableFuture<AmiMessage> sendAction(String action, Map<String, String> fields) {
        return sendAction(AmiAction.of(action, fields));
    }

    /**
     * Stops reconnecting, sends {@code Logoff} when logged in, closes the socket, lets the listener finish what is
     * queued (up to {@code hotline.ami.action-timeout}) and stops both threads. Idempotent.
     */
    @Override
    public void close() {
        EventLoopGroup g;
        synchronized (lock) {
            if (state == AmiConnectionState.STOPPED) {
                return;
            }
            transition(Signal.STOP, "closed");
            g = group;
        }
        AmiSession s = session;
        if (s != null && s.isLoggedIn()) {
            try {
                // Logoff lets Asterisk log a clean goodbye instead of a dropped session.
                s.send(AmiAction.of("Logoff"), Duration.ofSeconds(2)).get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("AMI Logoff not answered: {}", e.toString());
            }
        }
        if (s != null && s.channel() != null) {
            s.channel().close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        if (g != null) {
            // Graceful so that channelInactive (and its onDisconnected) runs before the listener thread stops.
            g.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (started) {
            dispatcher.stop(properties.actionTimeout());
        }
        log.info("AMI connection to {}:{} closed", properties.host(), properties.port());
    }

    private void connect() {
        synchronized (lock) {
            if (state == AmiConnectionState.STOPPED) {
                return;
            }
            transition(Signal.CONNECT_STARTED, null);
        }
        ChannelFuture f = bootstrap.connect(properties.host(), properties.port());
        f.addListener(done -> {
            if (!done.isSuccess()) {
                String error = "cannot connect to " + properties.host() + ":" + properties.port() + ": "
                        + done.cause().getMessage();
                connectionLost(error);
            }
        });
    }

    private void connectionLost(String reason) {
        synchronized (lock) {
            if (state == AmiConnectionState.STOPPED) {
                return;
            }
            transition(Signal.CONNECTION_LOST, reason);
            failures++;
            Duration delay = backoff.delay(failures, ThreadLocalRandom.current().nextDouble());
            if (state != AmiConnectionState.AUTH_FAILED
                    && connectFailureLog.tryAcquire(System.nanoTime()) >= 0) {
                log.warn("AMI connection to {}:{} down ({}); retrying in {} ms (attempt {})", properties.host(),
                        properties.port(), reason, delay.toMillis(), failures);
            } else {
                log.debug("AMI reconnect in {} ms (attempt {}): {}", delay.toMillis(), failures, reason);
            }
            try {
                group.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("AMI reconnect not scheduled: the I/O thread is stopping");
            }
        }
    }

    private void transition(Signal signal, String error) {
        AmiConnectionState before = state;
        AmiConnectionState after = ConnectionStates.next(before, signal);
        if (error != null && after != AmiConnectionState.AUTH_FAILED) {
            lastError = error;
        }
        state = after;
        if (before != after) {
            log.debug("AMI state {} -> {} on {}", before, after, signal);
        }
    }

    /** The session's reports, applied under the lock so state, backoff and close never interleave. */
    private final class Callbacks implements SessionCallbacks {

        @Override
        public void bannerAccepted(AmiSession s) {
            synchronized (lock) {
                transition(Signal.BANNER_ACCEPTED, null);
            }
        }

        @Override
        public void loginAccepted(AmiSession s) {
            synchronized (lock) {
                transition(Signal.LOGIN_ACCEPTED, null);
                failures = 0;
                authFailureLogged = false;
                logins.incrementAndGet();
            }
            log.info("AMI logged in to {}:{} as {}", properties.host(), properties.port(), properties.username());
        }

        @Override
        public void loginRejected(AmiSession s, String message) {
            String error = "Asterisk refused the AMI login of '" + properties.username() + "' (" + message
                    + "): check hotline.ami.username and hotline.ami.secret (env HOTLINE_AMI_USERNAME,"
                    + " HOTLINE_AMI_SECRET) against manager.conf";
            synchronized (lock) {
                transition(Signal.LOGIN_REJECTED, null);
                lastError = error;
                if (!authFailureLogged) {
                    authFailureLogged = true;
                    log.error("{}; retrying with backoff", error);
                } else {
                    log.debug("{}", error);
                }
            }
        }

        @Override
        public void resyncFinished(AmiSession s) {
            synchronized (lock) {
                transition(Signal.RESYNC_FINISHED, null);
            }
        }

        @Override
        public void closed(AmiSession s, String reason, boolean wasLoggedIn) {
            if (wasLoggedIn && state != AmiConnectionState.STOPPED) {
                log.warn("AMI connection to {}:{} lost: {}", properties.host(), properties.port(), reason);
            }
            connectionLost(reason);
        }

        @Override
        public void badInput() {
            badInput.incrementAndGet();
        }

        @Override
        public void eventRead(AmiMessage event) {
            for (Consumer<AmiMessage> tap : taps) {
                try {
                    tap.accept(event);
                } catch (RuntimeException e) {
                    // a broken tap must not stop the reader: the frame still reaches the listener
                    log.warn("AMI event tap failed on {}: {}", event.eventName(), e.toString());
                }
            }
        }
    }
}
