package org.hotline.ivr.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI listening socket: bound before the server starts (so port 0 gives a known free port), serving only the
 * allowed peers (FastAGI has no login), with a read timeout on every connection so a lost Asterisk frees its thread.
 */
final class AgiListener implements ServerSocketFacade {

    private static final Logger log = LoggerFactory.getLogger(AgiListener.class);

    private final ServerSocket server;
    private final Set<InetAddress> allowed;
    private volatile int readTimeoutMillis;

    AgiListener(InetAddress bind, int port, Set<InetAddress> allowed, int readTimeoutMillis) throws IOException {
        this.server = new ServerSocket(port, 200, bind);
        this.allowed = Set.copyOf(allowed);
        this.readTimeoutMillis = readTimeoutMillis;
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            Socket socket = server.accept();
            if (allowed.contains(socket.getInetAddress())) {
                socket.setSoTimeout(readTimeoutMillis);
                socket.setTcpNoDelay(true);
                return new AgiSocket(socket);
            }
            log.warn("FastAGI connection from {} refused: not in hotline.ivr.allowed-peers", socket.getInetAddress());
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    @Override
    public void setSocketReadTimeout(int millis) {
        this.readTimeoutMillis = millis;
    }
}
