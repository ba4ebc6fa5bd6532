package org.hotline.bench.demodata;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hotline.cti.demo.DemoDataGenerator;

/**
 * Times the synthetic-data generator (issue #2: {@code --customers 1000000} in under a minute) into a fresh embedded
 * PostgreSQL with the real schema. Last line: {@code demo-data customers=… seconds=… rows=…}.
 */
public final class DemoDataBenchmark {

    private DemoDataBenchmark() {
    }

    /** Runs the benchmark: {@code --customers N} (default 1,000,000), {@code --seed S}. */
    public static void main(String[] args) throws Exception {
        int customers = 1_000_000;
        long seed = 95598;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected: --customers, --seed)");
            }
        }
        DemoDataGenerator.Summary s;
        long rows = 0;
        // The same configuration the server's embedded demo database runs with.
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0").start()) {
            DataSource ds = pg.getPostgresDatabase();
            Flyway.configure().dataSource(ds).load().migrate();
            s = new DemoDataGenerator().generate(ds, customers, seed);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("select sum(n_live_tup) from pg_stat_user_tables")) {
                if (r.next()) {
                    rows = r.getLong(1);
                }
            }
        }
        // printed after the database has stopped, so the summary really is the last line
        double seconds = s.took().toMillis() / 1000.0;
        System.out.printf("generated %,d customers (%,d rows in all tables) in %.1f s: %,.0f customers/s, %d cores%n",
                s.customersAdded(), rows, seconds, s.customersAdded() / seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("demo-data customers=%d seconds=%.1f rows=%d%n", s.customersAdded(), seconds, rows);
    }
}
