package org.hotline.ivr.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server: asterisk-java's {@code DefaultAgiServer} (one thread per session, up to
 * {@code hotline.ivr.max-sessions}) over a socket bound at {@link #start()}, dispatching to the scripts by name.
 */
public final class FastAgiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final IvrProperties properties;
    private final ScriptRunner runner;
    private AgiListener listener;
    private DefaultAgiServer server;
    private Thread acceptor;

    /** A server for these scripts (unique names), recording runs in {@code dataSource}. */
    public FastAgiServer(IvrProperties properties, List<IvrScript> scripts, DataSource dataSource, Clock clock) {
        this.properties = properties;
        this.runner = new ScriptRunner(scripts, new IvrRuns(dataSource), clock);
    }

    /** Binds the port and starts accepting sessions. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            listener = new AgiListener(InetAddress.getByName(properties.bindAddress()), properties.port(),
                    allowed(properties.allowedPeers()), (int) properties.readTimeout().toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("FastAGI cannot listen on " + properties.bindAddress() + ":"
                    + properties.port() + " (hotline.ivr.bind-address / port): " + e.getMessage(), e);
        }
        AgiListener bound = listener;
        server = new DefaultAgiServer((org.asteriskjava.fastagi.MappingStrategy) runner) {
            @Override
            protected ServerSocketFacade createServerSocket() {
                return bound;
            }
        };
        server.setPoolSize(properties.minThreads());
        server.setMaximumPoolSize(properties.maxSessions());
        acceptor = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                log.error("FastAGI server stopped: {}", e.toString());
            }
        }, "fastagi-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("FastAGI listening on {}:{} for {}", properties.bindAddress(), listener.port(),
                properties.allowedPeers());
    }

    /** The port it listens on (the bound one when configured as 0). */
    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return listener.port();
    }

    /** Sessions whose script is running now (0 when the server holds no channel). */
    public int activeSessions() {
        return runner.activeSessions();
    }

    /** Stops accepting; sessions in progress end with their scripts. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    private static Set<InetAddress> allowed(List<String> peers) {
        Set<InetAddress> out = new HashSet<>();
        for (String peer : peers) {
            try {
                out.addAll(List.of(InetAddress.getAllByName(peer.strip())));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("allowedPeers: '" + peer + "' (expected: an address or a resolvable "
                        + "host name)", e);
            }
        }
        return out;
    }
}
