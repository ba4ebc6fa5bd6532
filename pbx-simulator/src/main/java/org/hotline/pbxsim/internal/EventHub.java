package org.hotline.pbxsim.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.pbxsim.AgentCalledListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connected clients: broadcasts events to those logged in, flushes, and drops readers that stall. */
public final class EventHub {

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    private final Sim sim;
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final List<AgentCalledListener> listeners = new CopyOnWriteArrayList<>();

    EventHub(Sim sim) {
        this.sim = sim;
    }

    /** Registers a connection. */
    void add(AmiSession s) {
        sessions.add(s);
    }

    /** Forgets a closed connection. */
    void remove(AmiSession s) {
        sessions.remove(s);
    }

    /** All connections, logged in or not. */
    public List<AmiSession> sessions() {
        return sessions;
    }

    /** Adds a listener told when AgentCalled frames are flushed. */
    public void addListener(AgentCalledListener l) {
        listeners.add(l);
    }

    /** Sends an event to every logged-in client whose mask admits it; AgentCalled is flushed at once. */
    void broadcast(Frame f) {
        byte[] bytes = null;
        for (AmiSession s : sessions) {
            if (s.wants(f)) {
                if (bytes == null) {
                    bytes = f.bytes();
                }
                s.enqueue(bytes);
                if (f.hookLinkedid() != null) {
                    s.flush(f.hookLinkedid(), f.hookInterface(), listeners);
                }
            }
        }
    }

    /** Flushes every client, and drops those whose socket stayed unwritable past the write timeout. */
    void flushAll() {
        long timeout = sim.config.writeTimeout().toNanos();
        long now = System.nanoTime();
        for (AmiSession s : sessions) {
            s.flush(null, null, listeners);
            if (s.stalledFor(now) > timeout) {
                log.warn("dropping AMI client {}: not reading for more than {} ms (writetimeout)", s.remote(),
                        sim.config.writeTimeout().toMillis());
                s.close();
            }
        }
    }

    /** Closes every connection. */
    public void closeAll() {
        for (AmiSession s : sessions) {
            s.close();
        }
    }

    /** Writes raw bytes to every connection, logged in or not. */
    public void sendRaw(byte[] bytes) {
        for (AmiSession s : sessions) {
            s.enqueue(bytes);
            s.flush(null, null, listeners);
        }
    }
}
