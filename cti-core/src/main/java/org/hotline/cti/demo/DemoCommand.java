package org.hotline.cti.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command line of {@link DemoDataGenerator#main}: parses the options, migrates the schema, generates. */
final class DemoCommand {

    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);
    private static final Set<String> OPTIONS = Set.of("--jdbc-url", "--user", "--password", "--customers", "--seed");

    private DemoCommand() {
    }

    static void run(String[] args) {
        Map<String, String> options = parse(args);
        String url = options.get("--jdbc-url");
        if (url == null) {
            throw new IllegalArgumentException("--jdbc-url: missing (expected: e.g. jdbc:postgresql://localhost/hotline)");
        }
        int customers = Integer.parseInt(options.getOrDefault("--customers", "10000"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "42"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(options.get("--user"));
        config.setPassword(options.get("--password"));
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure().dataSource(dataSource).load().migrate();
            DemoDataGenerator.Summary summary = new DemoDataGenerator().generate(dataSource, customers, seed);
            log.info("done: {} demo customers existed, {} added, {} ms", summary.customersBefore(),
                    summary.customersAdded(), summary.took().toMillis());
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("option: '" + name + "' (expected: one of " + OPTIONS + ")");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": missing value");
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
