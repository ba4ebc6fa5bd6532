package org.hotline.cti.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One embedded PostgreSQL per JVM, started on first use and stopped by a JVM shutdown hook, handing out a fresh
 * database per caller: {@link #migratedDatabase()} copies a Flyway-migrated template, {@link #emptyDatabase()} is
 * blank. Each returned pool should be closed by its test class ({@code @AfterAll}).
 */
public final class EmbeddedPostgresSupport {

    private static final String TEMPLATE = "hotline_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static boolean templateReady;

    private EmbeddedPostgresSupport() {
    }

    /** A new database with the whole schema migrated (a copy of a template migrated once per JVM). */
    public static synchronized HikariDataSource migratedDatabase() {
        ensureTemplate();
        return createDatabase(TEMPLATE);
    }

    /** A new database without any schema, for tests of the migrations themselves. */
    public static synchronized HikariDataSource emptyDatabase() {
        return createDatabase("template0");
    }

    /** The JDBC URL of a database on the embedded server (user {@code postgres}, no password). */
    public static synchronized String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    private static HikariDataSource createDatabase(String template) {
        String name = "hotline_test_" + COUNTER.incrementAndGet();
        execute(server().getPostgresDatabase(), "create database " + name + " template " + template);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(name));
        config.setUsername("postgres");
        config.setPoolName(name);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    private static void ensureTemplate() {
        if (templateReady) {
            return;
        }
        execute(server().getPostgresDatabase(), "create database " + TEMPLATE + " template template0");
        // the template must have no open connection when copied: Flyway gets a non-pooled DataSource
        Flyway.configure().dataSource(server().getDatabase("postgres", TEMPLATE)).load().migrate();
        templateReady = true;
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // tests need no durability: skipping fsync keeps CREATE DATABASE and bulk loads fast
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .setRegisterShutdownHook(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
