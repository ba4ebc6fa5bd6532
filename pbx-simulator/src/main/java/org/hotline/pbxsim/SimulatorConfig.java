package org.hotline.pbxsim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one {@link PbxSimulator}; {@link #defaults()} reproduces the lab the captures were taken in.
 *
 * @param host the address to bind (default {@code 127.0.0.1})
 * @param port the TCP port; 0 (the default) binds a free one, read it back with {@link PbxSimulator#port()}
 * @param username the AMI user (default {@code hotline})
 * @param secret the AMI secret (default {@code hotline})
 * @param banner the greeting line (default {@code Asterisk Call Manager/13.0.0})
 * @param queues the queues and their static members (default: the lab's {@code hotline}, {@code gas}, {@code burst})
 * @param channelVariables the {@code channelvars} added to every channel block (default IVR_ACCOUNT, IVR_CHOICE, and
 *     the shipped manager.conf's list: the IVR's HOTLINE_ACCOUNT, HOTLINE_IVR_PATH, HOTLINE_CUSTOMER_ID,
 *     HOTLINE_OUTAGE, HOTLINE_WORKORDER and click-to-dial's HOTLINE_AGENT, HOTLINE_DIALLED)
 * @param speed how much faster than real time calls run: 1 is real time, 100 turns a 15 s ring into 150 ms
 *     (default 1); duration fields (HoldTime, TalkTime…) stay in simulated seconds
 * @param writeTimeout how long a client may stall reading before it is dropped, like Asterisk's
 *     {@code writetimeout} (default 100 ms, Asterisk's default)
 * @param maxLineLength the longest action line accepted before the client is dropped (default 8192)
 */
public record SimulatorConfig(String host, int port, String username, String secret, String banner,
        List<QueueConfig> queues, List<String> channelVariables, double speed, Duration writeTimeout,
        int maxLineLength) {

    /** The banner of the Asterisk the captures came from. */
    public static final String ASTERISK_13_BANNER = "Asterisk Call Manager/13.0.0";

    /** Validates the fields and copies the lists. */
    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(banner, "banner");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        queues = List.copyOf(queues);
        channelVariables = List.copyOf(channelVariables);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed: " + speed + " (expected: > 0)");
        }
        if (maxLineLength < 256) {
            throw new IllegalArgumentException("maxLineLength: " + maxLineLength + " (expected: >= 256)");
        }
        if (queues.stream().map(QueueConfig::name).distinct().count() != queues.size()) {
            throw new IllegalArgumentException("queues: duplicate queue names in " + queues);
        }
    }

    /** The lab: {@code hotline} (1001–1004), {@code gas} (2001–2003, 1003 at penalty 5), empty {@code burst}. */
    public static SimulatorConfig defaults() {
        QueueConfig hotline = QueueConfig.ofAgents("hotline", 1001, 4);
        QueueConfig gas = QueueConfig.of("gas", MemberConfig.agent("2001"), MemberConfig.agent("2002"),
                MemberConfig.agent("2003"), MemberConfig.agent("1003", 5)).withStrategy(QueueConfig.Strategy.LEASTRECENT);
        QueueConfig burst = QueueConfig.of("burst").withTimings(Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ZERO);
        return new SimulatorConfig("127.0.0.1", 0, "hotline", "hotline", ASTERISK_13_BANNER,
                List.of(hotline, gas, burst), List.of("IVR_ACCOUNT", "IVR_CHOICE", "HOTLINE_ACCOUNT",
                "HOTLINE_IVR_PATH", "HOTLINE_CUSTOMER_ID", "HOTLINE_OUTAGE", "HOTLINE_WORKORDER", "HOTLINE_AGENT",
                "HOTLINE_DIALLED"), 1.0, Duration.ofMillis(100), 8192);
    }

    /** This configuration on another port. */
    public SimulatorConfig withPort(int value) {
        return new SimulatorConfig(host, value, username, secret, banner, queues, channelVariables, speed,
                writeTimeout, maxLineLength);
    }

    /** This configuration with other credentials. */
    public SimulatorConfig withCredentials(String user, String password) {
        return new SimulatorConfig(host, port, user, password, banner, queues, channelVariables, speed, writeTimeout,
                maxLineLength);
    }

    /** This configuration with another banner line. */
    public SimulatorConfig withBanner(String value) {
        return new SimulatorConfig(host, port, username, secret, value, queues, channelVariables, speed, writeTimeout,
                maxLineLength);
    }

    /** This configuration with other queues. */
    public SimulatorConfig withQueues(QueueConfig... value) {
        return new SimulatorConfig(host, port, username, secret, banner, List.of(value), channelVariables, speed,
                writeTimeout, maxLineLength);
    }

    /** This configuration with other channelvars. */
    public SimulatorConfig withChannelVariables(String... names) {
        return new SimulatorConfig(host, port, username, secret, banner, queues, List.of(names), speed, writeTimeout,
                maxLineLength);
    }

    /** This configuration at another speed factor. */
    public SimulatorConfig withSpeed(double value) {
        return new SimulatorConfig(host, port, username, secret, banner, queues, channelVariables, value,
                writeTimeout, maxLineLength);
    }

    /** This configuration with another write timeout. */
    public SimulatorConfig withWriteTimeout(Duration value) {
        return new SimulatorConfig(host, port, username, secret, banner, queues, channelVariables, speed, value,
                maxLineLength);
    }
}
