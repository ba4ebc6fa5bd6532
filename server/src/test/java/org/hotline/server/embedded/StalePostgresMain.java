package org.hotline.server.embedded;

import java.util.concurrent.CountDownLatch;

/** The process {@link EmbeddedPostgresRestartIntegrationTests} kills: starts the embedded PostgreSQL in a folder. */
public final class StalePostgresMain {

    private StalePostgresMain() {
    }

    /** {@code dataDir}: starts PostgreSQL there, prints {@code ready}, waits to be killed. */
    public static void main(String[] args) throws Exception {
        new EmbeddedServers().startPostgres(new EmbeddedProperties.Postgres(true, args[0], 0, "16MB"));
        System.out.println("ready");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
