package org.hotline.bench.ami;

import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ProtocolIdentifierReceivedEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;

/** asterisk-java 3.42.2's {@code ManagerConnection}, logged in, counting the AMI events its listener receives. */
final class AsteriskJavaClient implements IngestClient {

    private final ManagerConnection connection;
    private final AtomicLong events = new AtomicLong();
    private final long listenerNanos;

    AsteriskJavaClient(int port, String username, String secret, long listenerNanos) {
        this.listenerNanos = listenerNanos;
        this.connection = new DefaultManagerConnection("127.0.0.1", port, username, secret);
        this.connection.addEventListener(this::onEvent);
    }

    private void onEvent(ManagerEvent event) {
        // Events it makes up itself are not AMI frames from the wire.
        if (event instanceof ConnectEvent || event instanceof DisconnectEvent
                || event instanceof ProtocolIdentifierReceivedEvent) {
            return;
        }
        AmiIngestBenchmark.spin(listenerNanos);
        events.lazySet(events.get() + 1);
    }

    @Override
    public String name() {
        return "asterisk-java";
    }

    @Override
    public void start() throws Exception {
        connection.login();
    }

    @Override
    public long events() {
        return events.get();
    }

    @Override
    public void close() {
        connection.logoff();
    }
}
