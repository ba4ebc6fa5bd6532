package org.hotline.pbxsim.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotline.pbxsim.AgentCalledListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One AMI connection: collects action lines into actions, holds login state and the event mask, buffers output. */
public final class AmiSession extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);

    private final Sim sim;
    private final ActionHandler actions;
    private Channel channel;
    private Map<String, List<String>> current = new LinkedHashMap<>();
    /** Output of the running simulator task; touched only on the simulator thread. */
    private ByteBuf pending;
    private volatile boolean authenticated;
    /** Event categories admitted; {@code null} means all. */
    private volatile Set<String> eventMask;
    private long unwritableSinceNanos;
    String challenge;
    String username = "";
    final String sessionId;

    AmiSession(Sim sim, ActionHandler actions) {
        this.sim = sim;
        this.actions = actions;
        this.sessionId = "0x" + Long.toHexString(System.identityHashCode(this) | 0x7f0000000000L);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        sim.hub().add(this);
        // the banner is one line with no blank line after it (Asterisk 13+)
        ctx.writeAndFlush(Unpooled.copiedBuffer(actions.banner() + "\r\n", StandardCharsets.UTF_8));
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        sim.hub().remove(this);
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf line = (ByteBuf) msg;
        try {
            String text = line.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                if (!current.isEmpty()) {
                    Map<String, List<String>> action = current;
                    current = new LinkedHashMap<>();
                    sim.execute(() -> actions.handle(this, new Action(action)));
                }
                return;
            }
            int colon = text.indexOf(':');
            if (colon > 0) {
                String key = text.substring(0, colon).trim();
                String value = text.substring(colon + 1).trim();
                current.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            }
        } finally {
            line.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // Asterisk dumps an over-long line and carries on ("Dumping long line with no return")
            log.warn("AMI client {} sent a line too long: {}", remote(), cause.getMessage());
            return;
        }
        log.debug("AMI client {} failed: {}", remote(), cause.toString());
        ctx.close();
    }

    /** Whether this client is logged in and its event mask admits the frame. */
    boolean wants(Frame f) {
        if (!authenticated || f.privilege() == null) {
            return false;
        }
        Set<String> mask = eventMask;
        if (mask == null) {
            return true;
        }
        for (String category : f.privilege().split(",")) {
            if (mask.contains(category)) {
                return true;
            }
        }
        return false;
    }

    /** Marks the session logged in. */
    void authenticated(String user) {
        this.username = user;
        this.authenticated = true;
    }

    /** Whether the session has logged in. */
    boolean isAuthenticated() {
        return authenticated;
    }

    /** Sets the event mask: {@code on}, {@code off}, or a list of categories. */
    void eventMask(String value) {
        String v = value == null ? "on" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("on") || v.equals("yes") || v.equals("true") || v.equals("all") || v.isEmpty()) {
            eventMask = null;
        } else if (v.equals("off") || v.equals("no") || v.equals("false")) {
            eventMask = Set.of();
        } else {
            eventMask = Set.of(v.replace(" ", "").split(","));
        }
    }

    /** Whether events are on at all. */
    boolean eventsOn() {
        Set<String> mask = eventMask;
        return mask == null || !mask.isEmpty();
    }

    /** Appends bytes to the output of the running task. */
    void enqueue(byte[] bytes) {
        if (pending == null) {
            pending = Unpooled.buffer(Math.max(4096, bytes.length));
        }
        pending.writeBytes(bytes);
    }

    /** Queues a frame for this client only. */
    void send(Frame f) {
        enqueue(f.bytes());
    }

    /** Writes and flushes the pending output; tells the listeners when a marked AgentCalled is on the wire. */
    void flush(String hookLinkedid, String hookInterface, List<AgentCalledListener> listeners) {
        ByteBuf out = pending;
        if (out == null || channel == null) {
            return;
        }
        pending = null;
        if (!channel.isActive()) {
            out.release();
            return;
        }
        var future = channel.writeAndFlush(out);
        if (hookLinkedid != null && !listeners.isEmpty()) {
            future.addListener(f -> {
                if (f.isSuccess()) {
                    long now = System.nanoTime();
                    for (AgentCalledListener l : listeners) {
                        l.agentCalled(hookLinkedid, hookInterface, now);
                    }
                }
            });
        }
    }

    /** How long the socket has been unwritable, or 0. */
    long stalledFor(long nowNanos) {
        if (channel == null || channel.isWritable()) {
            unwritableSinceNanos = 0;
            return 0;
        }
        if (unwritableSinceNanos == 0) {
            unwritableSinceNanos = nowNanos;
        }
        return nowNanos - unwritableSinceNanos;
    }

    /** Closes the connection (the client sees EOF). */
    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    /** Closes after what is queued has been written. */
    void closeAfterFlush() {
        sim.scheduleReal(0, () -> {
            if (channel != null) {
                channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> channel.close());
            }
        });
    }

    /** The peer address, for logs and security events. */
    String remote() {
        return channel == null ? "?" : String.valueOf(channel.remoteAddress());
    }

    /** The AMI {@code IPV4/TCP/host/port} form of an address. */
    static String amiAddress(java.net.SocketAddress a) {
        if (a instanceof java.net.InetSocketAddress i) {
            return "IPV4/TCP/" + i.getAddress().getHostAddress() + "/" + i.getPort();
        }
        return String.valueOf(a);
    }

    /** The local address in AMI form. */
    String localAmiAddress() {
        return channel == null ? "" : amiAddress(channel.localAddress());
    }

    /** The remote address in AMI form. */
    String remoteAmiAddress() {
        return channel == null ? "" : amiAddress(channel.remoteAddress());
    }
}
