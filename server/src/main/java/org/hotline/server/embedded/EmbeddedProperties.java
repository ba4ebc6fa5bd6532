package org.hotline.server.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The servers the demo starts inside the JVM when no real ones are configured ({@code hotline.embedded.*}).
 *
 * @param postgres embedded PostgreSQL; used only when {@code spring.datasource.url} is empty
 * @param redis embedded Redis; off by default (a single node needs no Redis)
 * @param smsc the SMSC simulator; used only when no {@code hotline.sms.smsc[0].host} is configured
 */
@ConfigurationProperties("hotline.embedded")
public record EmbeddedProperties(@DefaultValue Postgres postgres, @DefaultValue Redis redis, @DefaultValue Smsc smsc) {

    /**
     * Embedded PostgreSQL ({@code HOTLINE_EMBEDDED_POSTGRES_*}).
     *
     * @param enabled start it when {@code spring.datasource.url} is empty (default true)
     * @param dataDir where its files live, kept across restarts; empty means a temporary folder (default {@code data/postgres})
     * @param port TCP port on 127.0.0.1; 0 picks a free one (default 0)
     * @param sharedBuffers PostgreSQL's {@code shared_buffers}: size it to hold the customer tables for fast pops
     *     (default 128MB, PostgreSQL's own default)
     */
    public record Postgres(@DefaultValue("true") boolean enabled, @DefaultValue("data/postgres") String dataDir,
                           @DefaultValue("0") int port, @DefaultValue("128MB") String sharedBuffers) {
    }

    /**
     * Embedded Redis ({@code HOTLINE_EMBEDDED_REDIS_*}).
     *
     * @param enabled start it and point {@code hotline.push.redis-uri} at it (default false)
     * @param port TCP port on 127.0.0.1; 0 picks a free one (default 0)
     */
    public record Redis(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port) {
    }

    /**
     * The built-in SMSC simulator the demo sends its SMS to ({@code HOTLINE_EMBEDDED_SMSC_*}): accepts binds, answers
     * submits, sends delivery receipts after 100 ms (issue #5).
     *
     * @param enabled start it and point {@code hotline.sms.smsc[0]} at it when no SMSC is configured (default true)
     * @param protocol {@code smpp} (default), or {@code cmpp} to start the CMPP 3.0 gateway simulator instead and send
     *     the demo's SMS over CMPP ({@code HOTLINE_EMBEDDED_SMSC_PROTOCOL=cmpp}, ADR 0034)
     */
    public record Smsc(@DefaultValue("true") boolean enabled, @DefaultValue("smpp") String protocol) {

        /** Whether the demo's SMSC is the CMPP gateway simulator. */
        public boolean cmpp() {
            return "cmpp".equalsIgnoreCase(protocol == null ? "" : protocol.trim());
        }
    }
}
