package org.hotline.sms.cmpp.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CMPP connection: requests matched to their responses by Sequence_Id, its own sliding window, ACTIVE_TEST when
 * the link is quiet (closed when nothing at all comes back), and each DELIVER handed off the event loop, answered only
 * once the handler returned.
 */
final class CmppBind extends SimpleChannelInboundHandler<CmppFrame> {

    /** A request that never reached the socket: safe to send again. */
    static final class NotWritten extends Exception {
        NotWritten(Throwable cause) {
            super("not written: " + cause, cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CmppBind.class);

    private final String name;
    private final Executor delivers;
    private final Consumer<Delivered> onDeliver;
    private final Map<Integer, CompletableFuture<CmppFrame>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    final Semaphore window;
    private volatile Channel channel;
    private volatile boolean ready;

    /** A DELIVER to handle; {@code ack} writes its DELIVER_RESP. */
    record Delivered(CmppFrame frame, CmppBind bind) {
    }

    CmppBind(String name, int window, Executor delivers, Consumer<Delivered> onDeliver) {
        this.name = name;
        this.window = new Semaphore(window, true);
        this.delivers = delivers;
        this.onDeliver = onDeliver;
    }

    boolean ready() {
        Channel c = channel;
        return ready && c != null && c.isActive();
    }

    void markReady() {
        ready = true;
    }

    Channel channel() {
        return channel;
    }

    /** Sends a request; the future completes with its response, or fails with NotWritten / a closed channel. */
    CompletableFuture<CmppFrame> request(int commandId, byte[] body) {
        CompletableFuture<CmppFrame> response = new CompletableFuture<>();
        Channel c = channel;
        if (c == null || !c.isActive()) {
            response.completeExceptionally(new NotWritten(new ClosedChannelException()));
            return response;
        }
        int seq = sequence.updateAndGet(s -> s == Integer.MAX_VALUE ? 1 : s + 1);
        pending.put(seq, response);
        c.writeAndFlush(new CmppFrame(commandId, seq, body)).addListener(w -> {
            if (!w.isSuccess()) {
                pending.remove(seq);
                response.completeExceptionally(new NotWritten(w.cause()));
            }
        });
        response.whenComplete((r, e) -> pending.remove(seq));
        return response;
    }

    /** Writes a response to the peer's request {@code sequenceId}. */
    void respond(int commandId, int sequenceId, byte[] body) {
        Channel c = channel;
        if (c != null) {
            c.writeAndFlush(new CmppFrame(commandId, sequenceId, body));
        }
    }

    /** Says goodbye (TERMINATE) when bound, then closes. */
    void close() {
        Channel c = channel;
        if (c == null) {
            return;
        }
        if (ready && c.isActive()) {
            ready = false;
            try {
                request(CmppCommand.TERMINATE, new byte[0]).get(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("CMPP {}: TERMINATE not answered: {}", name, e.toString());
            }
        }
        c.close().awaitUninterruptibly(2_000);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // set here, not in channelActive: Netty completes the connect future before it fires channelActive
        channel = ctx.channel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ready = false;
        for (CompletableFuture<CmppFrame> f : pending.values()) {
            f.completeExceptionally(new ClosedChannelException());
        }
        pending.clear();
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, CmppFrame frame) {
        switch (frame.commandId()) {
            case CmppCommand.CONNECT_RESP, CmppCommand.SUBMIT_RESP, CmppCommand.ACTIVE_TEST_RESP,
                 CmppCommand.TERMINATE_RESP -> {
                CompletableFuture<CmppFrame> f = pending.remove(frame.sequenceId());
                if (f != null) {
                    f.complete(frame);
                } else {
                    log.debug("CMPP {}: {} without a request (answered after its timeout)", name, frame);
                }
            }
            case CmppCommand.DELIVER -> delivers.execute(() -> onDeliver.accept(new Delivered(frame, this)));
            case CmppCommand.ACTIVE_TEST -> respond(CmppCommand.ACTIVE_TEST_RESP, frame.sequenceId(), new byte[1]);
            case CmppCommand.TERMINATE -> {
                ready = false;
                respond(CmppCommand.TERMINATE_RESP, frame.sequenceId(), new byte[0]);
                ctx.close();
            }
            default -> log.warn("CMPP {}: unexpected {} ignored", name, frame);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                log.warn("CMPP {}: nothing received for three ACTIVE_TEST periods, reconnecting", name);
                ctx.close();
            } else if (ready) {
                request(CmppCommand.ACTIVE_TEST, new byte[0]);
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String text = String.valueOf(cause.getMessage());
        if (cause instanceof TooLongFrameException || text.startsWith("Command_Id")) {
            // the decoder skipped that frame whole; the stream stays readable
            log.warn("CMPP {}: frame skipped: {}", name, text);
            return;
        }
        log.warn("CMPP {}: closing the connection: {}", name, cause.toString());
        ctx.close();
    }
}
