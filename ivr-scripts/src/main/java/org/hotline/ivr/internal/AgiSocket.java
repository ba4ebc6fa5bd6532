package org.hotline.ivr.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI connection, read line by line with a bound: Asterisk's lines are short, so a line longer than
 * {@link #MAX_LINE_LENGTH} ends the connection instead of growing a buffer (a hostile or broken peer).
 */
final class AgiSocket implements SocketConnectionFacade {

    /** The longest line accepted from the peer, in bytes. */
    static final int MAX_LINE_LENGTH = 8192;

    private final Socket socket;
    private final InputStream in;
    private final BufferedWriter out;
    private final byte[] line = new byte[MAX_LINE_LENGTH];

    AgiSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new java.io.BufferedInputStream(socket.getInputStream());
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return length == 0 ? null : text(length);
            }
            if (b == '\n') {
                return text(length);
            }
            if (length == MAX_LINE_LENGTH) {
                throw new IOException("maxLineLength: " + (length + 1) + "+ (expected: <= " + MAX_LINE_LENGTH + ")");
            }
            line[length++] = (byte) b;
        }
    }

    private String text(int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
