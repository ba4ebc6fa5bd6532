package org.hotline.bench.ami;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.ami.AmiConnectionState;
import org.hotline.cti.ami.AmiListener;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.AmiProperties;

/** Our {@link AmiConnection}: framing, parsing, hand-off and the {@link AmiIngestBenchmark#sink()} per event. */
final class HotlineClient implements IngestClient {

    private final AmiConnection connection;
    private final AtomicLong events = new AtomicLong();
    private final Consumer<AmiMessage> sink;
    private final long listenerNanos;

    HotlineClient(int port, String username, String secret, Consumer<AmiMessage> sink, long listenerNanos) {
        this.sink = sink;
        this.listenerNanos = listenerNanos;
        AmiProperties properties = AmiProperties.defaults().withEndpoint("127.0.0.1", port)
                .withCredentials(username, secret);
        this.connection = new AmiConnection(properties, new AmiListener() {
            @Override
            public void onMessage(AmiMessage message) {
                if (message.isEvent()) {
                    sink.accept(message);
                    AmiIngestBenchmark.spin(listenerNanos);
                    events.lazySet(events.get() + 1);
                }
            }
        });
    }

    @Override
    public String name() {
        return "hotline";
    }

    @Override
    public void start() {
        connection.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (connection.state() != AmiConnectionState.CONNECTED) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("AmiConnection not connected: " + connection.state() + " "
                        + connection.lastError());
            }
            AmiIngestBenchmark.pause();
        }
    }

    @Override
    public long events() {
        return events.get();
    }

    /** The connection's own counters, for the report. */
    String stats() {
        return connection.stats().toString();
    }

    @Override
    public void close() {
        connection.close();
    }
}
