package org.hotline.smscsim.cmpp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SP connection at the simulated gateway: CONNECT checked first, then SUBMIT, DELIVER_RESP, ACTIVE_TEST and
 * TERMINATE read on its own thread; writes from any thread, one frame at a time.
 */
final class GatewaySession {

    private static final Logger log = LoggerFactory.getLogger(GatewaySession.class);

    /** A SUBMIT as read, version-independent. */
    record Submit(int pkTotal, int pkNumber, int registeredDelivery, int tpUdhi, int msgFmt, String srcId,
                  String destination, byte[] content) {
    }

    private final CmppSimulator gateway;
    private final Socket socket;
    private final OutputStream out;
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean v3 = true;
    private volatile boolean loggedIn;

    GatewaySession(CmppSimulator gateway, Socket socket) throws IOException {
        this.gateway = gateway;
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    boolean v3() {
        return v3;
    }

    boolean open() {
        return loggedIn && !socket.isClosed();
    }

    void run() {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
            while (!socket.isClosed()) {
                CmppWire.Frame f = CmppWire.read(in);
                if (!loggedIn && f.command() != CmppWire.CONNECT) {
                    log.warn("CMPP simulator: {} before CONNECT, closing", Integer.toHexString(f.command()));
                    return;
                }
                switch (f.command()) {
                    case CmppWire.CONNECT -> {
                        if (!connect(f)) {
                            return;
                        }
                    }
                    case CmppWire.SUBMIT -> gateway.onSubmit(this, f.sequence(), readSubmit(f.body()));
                    case CmppWire.DELIVER_RESP -> gateway.onDeliverResp(f.body(), v3);
                    case CmppWire.ACTIVE_TEST -> {
                        gateway.onActiveTest();
                        if (!gateway.muted()) {
                            write(CmppWire.ACTIVE_TEST_RESP, f.sequence(), new byte[1]);
                        }
                    }
                    case CmppWire.ACTIVE_TEST_RESP, CmppWire.TERMINATE_RESP -> { }
                    case CmppWire.TERMINATE -> {
                        write(CmppWire.TERMINATE_RESP, f.sequence(), new byte[0]);
                        return;
                    }
                    default -> log.warn("CMPP simulator: command 0x{} ignored", Integer.toHexString(f.command()));
                }
            }
        } catch (EOFException | SocketException e) {
            log.debug("CMPP simulator: connection ended: {}", e.toString());
        } catch (IOException | RuntimeException e) {
            log.warn("CMPP simulator: connection closed: {}", e.toString());
        } finally {
            loggedIn = false;
            gateway.ended(this);
        }
    }

    /** Answers CONNECT; false when it was refused (the connection then closes). */
    private boolean connect(CmppWire.Frame f) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(f.body());
        String source = CmppWire.text(b, 6);
        byte[] authenticator = new byte[16];
        b.get(authenticator);
        int version = b.get() & 0xff;
        int timestamp = b.getInt();
        v3 = (version >> 4) != 2;
        int status;
        if ((version >> 4) != 2 && (version >> 4) != 3) {
            status = 4;
        } else if (!source.equals(gateway.config().spId())) {
            status = 2;
        } else {
            byte[] expected = CmppWire.md5(CmppWire.ascii(source), new byte[9], CmppWire.ascii(gateway.config().secret()),
                    CmppWire.ascii(String.format("%010d", timestamp)));
            status = Arrays.equals(expected, authenticator) ? 0 : 3;
        }
        ByteBuffer statusBytes = ByteBuffer.allocate(v3 ? 4 : 1);
        CmppWire.putResult(statusBytes, status, v3);
        byte[] ismg = status == 0
                ? CmppWire.md5(statusBytes.array(), authenticator, CmppWire.ascii(gateway.config().secret()))
                : new byte[16];
        ByteBuffer resp = ByteBuffer.allocate((v3 ? 4 : 1) + 17);
        CmppWire.putResult(resp, status, v3);
        resp.put(ismg).put((byte) (v3 ? 0x30 : 0x20));
        write(CmppWire.CONNECT_RESP, f.sequence(), resp.array());
        if (status != 0) {
            gateway.onConnectRefused();
            return false;
        }
        loggedIn = true;
        gateway.onLoggedIn(this);
        return true;
    }

    private Submit readSubmit(byte[] body) {
        ByteBuffer b = ByteBuffer.wrap(body);
        int t = CmppWire.terminalLength(v3);
        b.getLong();
        int pkTotal = b.get() & 0xff;
        int pkNumber = b.get() & 0xff;
        int registered = b.get() & 0xff;
        b.get(); // Msg_level
        b.position(b.position() + 10 + 1 + t + (v3 ? 1 : 0) + 1); // Service_Id .. TP_pId
        int udhi = b.get() & 0xff;
        int fmt = b.get() & 0xff;
        b.position(b.position() + 6 + 2 + 6 + 17 + 17);
        String srcId = CmppWire.text(b, 21);
        int n = b.get() & 0xff;
        String dest = CmppWire.text(b, t);
        b.position(b.position() + (n - 1) * t + (v3 ? 1 : 0));
        byte[] content = new byte[b.get() & 0xff];
        b.get(content);
        return new Submit(pkTotal, pkNumber, registered, udhi, fmt, srcId, dest, content);
    }

    void answerSubmit(int sequence, long msgId, int result) {
        ByteBuffer b = ByteBuffer.allocate(8 + (v3 ? 4 : 1));
        b.putLong(msgId);
        CmppWire.putResult(b, result, v3);
        write(CmppWire.SUBMIT_RESP, sequence, b.array());
    }

    /** Sends a DELIVER (an MO message or a status report); false when the connection is gone. */
    boolean deliver(long msgId, String destId, String srcTerminal, int msgFmt, int registered, byte[] content) {
        int t = CmppWire.terminalLength(v3);
        ByteBuffer b = ByteBuffer.allocate(8 + 21 + 10 + 3 + t + (v3 ? 1 : 0) + 2 + content.length + (v3 ? 20 : 8));
        b.putLong(msgId);
        CmppWire.putText(b, destId, 21);
        CmppWire.putText(b, "", 10);
        b.put((byte) 0).put((byte) 0).put((byte) msgFmt);
        CmppWire.putText(b, srcTerminal, t);
        if (v3) {
            b.put((byte) 0);
        }
        b.put((byte) registered).put((byte) content.length).put(content);
        return write(CmppWire.DELIVER, sequence.incrementAndGet(), b.array());
    }

    boolean write(int command, int seq, byte[] body) {
        if (socket.isClosed()) {
            return false;
        }
        try {
            synchronized (out) {
                out.write(CmppWire.encode(command, seq, body));
                out.flush();
            }
            return true;
        } catch (IOException e) {
            close();
            return false;
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("CMPP simulator: close: {}", e.toString());
        }
    }
}
