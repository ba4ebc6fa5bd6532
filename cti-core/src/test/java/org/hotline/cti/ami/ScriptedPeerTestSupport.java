package org.hotline.cti.ami;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A scripted AMI peer per test and the connection under test, closed after each test. */
abstract class ScriptedPeerTestSupport {

    protected ScriptedAmiPeer peer;
    protected AmiConnection connection;
    protected final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void startPeer() throws Exception {
        peer = new ScriptedAmiPeer();
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        peer.close();
    }

    /** Starts the connection under test against {@link #peer}. */
    protected AmiConnection start(AmiProperties properties) {
        connection = new AmiConnection(properties, listener);
        connection.start();
        return connection;
    }
}
