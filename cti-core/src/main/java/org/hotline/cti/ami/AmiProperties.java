package org.hotline.cti.ami;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the AMI connection ({@code hotline.ami.*}, each also bindable from the environment, e.g.
 * {@code HOTLINE_AMI_HOST}); outside Spring start from {@link #defaults()}.
 *
 * @param enabled           whether Spring creates and starts the connection; default {@code true}
 * @param host              Asterisk manager host; default {@code 127.0.0.1}
 * @param port              Asterisk manager port ({@code manager.conf [general] port}); default {@code 5038}
 * @param username          the {@code manager.conf} user section; no default, required
 * @param secret            that user's {@code secret}; no default, required
 * @param connectTimeout    TCP connect timeout, and how long to wait for the banner; default 5s
 * @param reconnectMin      first reconnect delay, doubled per failed attempt; default 500ms
 * @param reconnectMax      cap of the reconnect delay; default 30s
 * @param reconnectJitter   fraction of each delay taken off at random so many servers do not reconnect in step;
 *                          default 0.2
 * @param maxLineLength     longest header line kept, longer lines are skipped and counted; default 8192
 * @param maxFieldsPerFrame most fields kept per frame, the rest are skipped and counted; default 1024
 * @param pingInterval      how often a {@code Ping} action checks the peer; no reply within the interval
 *                          closes and reconnects; default 20s
 * @param actionTimeout     how long {@code Login} and {@link AmiConnection#sendAction} wait for their response;
 *                          default 10s
 * @param resyncEnabled     whether {@code CoreShowChannels} and {@code QueueStatus} are asked after every login;
 *                          default {@code true}
 * @param resyncTimeout     how long the resync lists may take before held events are released anyway; default 30s
 */
@ConfigurationProperties("hotline.ami")
public record AmiProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("5038") int port,
        String username,
        String secret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("500ms") Duration reconnectMin,
        @DefaultValue("30s") Duration reconnectMax,
        @DefaultValue("0.2") double reconnectJitter,
        @DefaultValue("8192") int maxLineLength,
        @DefaultValue("1024") int maxFieldsPerFrame,
        @DefaultValue("20s") Duration pingInterval,
        @DefaultValue("10s") Duration actionTimeout,
        @DefaultValue("true") boolean resyncEnabled,
        @DefaultValue("30s") Duration resyncTimeout) {

    /** Checks every setting, naming the property in the message. */
    public AmiProperties {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("hotline.ami.host: '" + host + "' (expected: a host name or address)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("hotline.ami.port: " + port + " (expected: 1..65535)");
        }
        positive("connect-timeout", connectTimeout);
        positive("reconnect-min", reconnectMin);
        positive("reconnect-max", reconnectMax);
        positive("ping-interval", pingInterval);
        positive("action-timeout", actionTimeout);
        positive("resync-timeout", resyncTimeout);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("hotline.ami.reconnect-max: " + reconnectMax
                    + " (expected: >= reconnect-min " + reconnectMin + ")");
        }
        if (!(reconnectJitter >= 0 && reconnectJitter < 1)) {
            throw new IllegalArgumentException("hotline.ami.reconnect-jitter: " + reconnectJitter
                    + " (expected: 0 <= jitter < 1)");
        }
        if (maxLineLength < 64) {
            throw new IllegalArgumentException("hotline.ami.max-line-length: " + maxLineLength + " (expected: >= 64)");
        }
        if (maxFieldsPerFrame < 1) {
            throw new IllegalArgumentException("hotline.ami.max-fields-per-frame: " + maxFieldsPerFrame
                    + " (expected: >= 1)");
        }
    }

    /** The documented defaults, without credentials. */
    public static AmiProperties defaults() {
        return new AmiProperties(true, "127.0.0.1", 5038, null, null, Duration.ofSeconds(5), Duration.ofMillis(500),
                Duration.ofSeconds(30), 0.2, 8192, 1024, Duration.ofSeconds(20), Duration.ofSeconds(10), true,
                Duration.ofSeconds(30));
    }

    /** A copy that connects to {@code host:port}. */
    public AmiProperties withEndpoint(String host, int port) {
        return new AmiProperties(enabled, host, port, username, secret, connectTimeout, reconnectMin, reconnectMax,
                reconnectJitter, maxLineLength, maxFieldsPerFrame, pingInterval, actionTimeout, resyncEnabled,
                resyncTimeout);
    }

    /** A copy that logs in with these credentials. */
    public AmiProperties withCredentials(String username, String secret) {
        return new AmiProperties(enabled, host, port, username, secret, connectTimeout, reconnectMin, reconnectMax,
                reconnectJitter, maxLineLength, maxFieldsPerFrame, pingInterval, actionTimeout, resyncEnabled,
                resyncTimeout);
    }

    /** A copy with these reconnect delays. */
    public AmiProperties withReconnect(Duration min, Duration max) {
        return new AmiProperties(enabled, host, port, username, secret, connectTimeout, min, max,
                reconnectJitter, maxLineLength, maxFieldsPerFrame, pingInterval, actionTimeout, resyncEnabled,
                resyncTimeout);
    }

    /** A copy with these ping and action timings. */
    public AmiProperties withTimings(Duration pingInterval, Duration actionTimeout, Duration resyncTimeout) {
        return new AmiProperties(enabled, host, port, username, secret, connectTimeout, reconnectMin, reconnectMax,
                reconnectJitter, maxLineLength, maxFieldsPerFrame, pingInterval, actionTimeout, resyncEnabled,
                resyncTimeout);
    }

    /** A copy with the resync switched on or off. */
    public AmiProperties withResync(boolean resyncEnabled) {
        return new AmiProperties(enabled, host, port, username, secret, connectTimeout, reconnectMin, reconnectMax,
                reconnectJitter, maxLineLength, maxFieldsPerFrame, pingInterval, actionTimeout, resyncEnabled,
                resyncTimeout);
    }

    /** True when both credentials are set. */
    public boolean hasCredentials() {
        return username != null && !username.isBlank() && secret != null;
    }

    /** The secret hidden, so the record can be logged. */
    @Override
    public String toString() {
        return "AmiProperties[host=" + host + ", port=" + port + ", username=" + username
                + ", secret=" + (secret == null ? "null" : "******") + ", connectTimeout=" + connectTimeout
                + ", reconnect=" + reconnectMin + ".." + reconnectMax + ", pingInterval=" + pingInterval
                + ", resyncEnabled=" + resyncEnabled + "]";
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("hotline.ami." + name + ": " + d + " (expected: > 0)");
        }
    }
}
