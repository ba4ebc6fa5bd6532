package org.hotline.cti.ami.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.hotline.cti.ami.AmiAction;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.AmiNotConnectedException;

/** Actions sent on one connection and waiting for their response, keyed by ActionID, each with a timeout. */
final class PendingActions {

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private static final class Pending {
        final String action;
        final CompletableFuture<AmiMessage> future = new CompletableFuture<>();
        volatile io.netty.util.concurrent.ScheduledFuture<?> timer;

        Pending(String action) {
            this.action = action;
        }
    }

    /** Registers and writes {@code action}; fails at once when {@code open} says the channel cannot take it. */
    CompletableFuture<AmiMessage> send(Channel channel, AmiAction action, String id, Duration timeout,
            BooleanSupplier open) {
        Pending p = new Pending(action.name());
        pending.put(id, p);
        // Checked after registering so a concurrent close either sees this entry or this check sees the close.
        if (channel == null || !open.getAsBoolean()) {
            pending.remove(id);
            p.future.completeExceptionally(new AmiNotConnectedException(
                    "AMI action " + action.name() + " not sent: the connection is not logged in"));
            return p.future;
        }
        try {
            p.timer = channel.eventLoop().schedule(() -> {
                if (pending.remove(id, p)) {
                    p.future.completeExceptionally(new TimeoutException("AMI action " + p.action + " (ActionID " + id
                            + "): no response within " + timeout + " (hotline.ami.action-timeout)"));
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            pending.remove(id);
            p.future.completeExceptionally(new AmiNotConnectedException(
                    "AMI action " + action.name() + " not sent: the connection is closing"));
            return p.future;
        }
        channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), action.toWire(id))).addListener(w -> {
            if (!w.isSuccess() && pending.remove(id, p)) {
                cancel(p);
                p.future.completeExceptionally(new AmiNotConnectedException("AMI action " + p.action
                        + " (ActionID " + id + ") not written: " + w.cause()));
            }
        });
        return p.future;
    }

    /** Completes the action with this ActionID, if it is still waiting. */
    void complete(String id, AmiMessage response) {
        Pending p = pending.remove(id);
        if (p != null) {
            cancel(p);
            p.future.complete(response);
        }
    }

    /** Fails every waiting action: the connection closed. */
    void failAll(String reason) {
        for (String id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                cancel(p);
                p.future.completeExceptionally(new AmiNotConnectedException(
                        "AMI action " + p.action + " (ActionID " + id + "): " + reason));
            }
        }
    }

    private static void cancel(Pending p) {
        io.netty.util.concurrent.ScheduledFuture<?> t = p.timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
