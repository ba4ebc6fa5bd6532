package org.hotline.sms.smpp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * Opens SMPP sockets with TCP_NODELAY: with Nagle's algorithm on, a small submit_sm waits for the ACK of the previous
 * one (delayed-ACK meets Nagle), which caps one thread at about 115 submits/s (issue #5).
 */
final class NoDelaySocketConnectionFactory implements ConnectionFactory {

    private final int connectTimeoutMillis;

    NoDelaySocketConnectionFactory(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        return new SocketConnection(open(host, port));
    }

    Socket open(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
