package org.hotline.cti.ami;

import java.time.Duration;

/** Settings for tests: a peer on loopback, short timers. */
final class AmiTesting {

    private AmiTesting() {
    }

    static AmiProperties properties(int port) {
        return AmiProperties.defaults()
                .withEndpoint("127.0.0.1", port)
                .withCredentials("hotline", "hotline")
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                .withTimings(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
