package org.hotline.bench.customerimport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.customerimport.CustomerImport;
import org.hotline.cti.customerimport.CustomerImportFormat;
import org.hotline.cti.customerimport.CustomerImportProperties;
import org.hotline.cti.customerimport.ImportOptions;
import org.hotline.cti.customerimport.ImportResult;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer import at scale: writes a CSV file of {@code --rows N} (1,000,000) customers, each with an account,
 * a premises on one of 1,000 transformer areas, a meter, one or two phones and (one in four) arrears, to a temporary
 * file, then imports it with {@code CustomerImport} into embedded PostgreSQL. Run with {@code -Xmx512m}; the heap
 * used is sampled every 20 ms. Options: {@code --batch-size N}, {@code --writers N} (the importer's settings, defaults
 * as in production), {@code --pg name=value} (a PostgreSQL setting, repeatable). Last line:
 * {@code import rows=… seconds=… max_heap_mb=…}.
 */
public final class CustomerImportBenchmark {

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛"};
    private static final String[] STREETS = {"解放路", "延安路", "中山路", "文三路", "庆春路", "凤起路", "建国路"};

    private CustomerImportBenchmark() {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(String[] args) throws Exception {
        int rows = intArg(args, "--rows", 1_000_000);
        CustomerImportProperties defaults = CustomerImportProperties.defaults();
        CustomerImportProperties settings = new CustomerImportProperties(defaults.maxSize(),
                intArg(args, "--batch-size", defaults.batchSize()), defaults.maxBadRows(),
                intArg(args, "--writers", defaults.writers()));
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("ROOT").setLevel(Level.WARN);
        Path file = Files.createTempFile("hotline-import-", ".csv");
        try {
            long size = write(file, rows);
            System.out.printf("file: %,d rows, %,d MB (%s)%n", rows, size >> 20, file);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0");
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--pg")) {
                    String[] kv = args[i + 1].split("=", 2);
                    builder.setServerConfig(kv[0], kv[1]); // e.g. --pg shared_buffers=512MB
                }
            }
            try (EmbeddedPostgres pg = builder.start()) {
                HikariConfig hc = new HikariConfig();
                hc.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
                hc.setMaximumPoolSize(settings.writers() + 1);
                try (HikariDataSource db = new HikariDataSource(hc)) {
                    Flyway.configure().dataSource(pg.getPostgresDatabase()).load().migrate();
                    network(new JdbcTemplate(db));
                    System.out.println(run(db, file, rows, settings));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String run(HikariDataSource db, Path file, int rows, CustomerImportProperties settings)
            throws Exception {
        CustomerImport importer = new CustomerImport(db, new PhoneNumbers(PhoneProperties.defaults()), settings);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        AtomicLong maxUsed = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> maxUsed.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 20,
                TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            long[] lastPrint = {started};
            result = importer.run(in, ImportOptions.importAll(), p -> {
                if (System.nanoTime() - lastPrint[0] > 10_000_000_000L) {
                    lastPrint[0] = System.nanoTime();
                    System.out.printf("  %,d rows, %,d MB read%n", p.rowsRead(), p.bytesRead() >> 20);
                }
            });
        } finally {
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        if (result.progress().rowsImported() != rows || result.progress().rowsFailed() != 0) {
            throw new IllegalStateException("imported " + result.progress() + ", bad rows: " + result.badRows());
        }
        JdbcTemplate jdbc = new JdbcTemplate(db);
        System.out.printf("database: %,d customers, %,d accounts, %,d phones, %,d meters, %,d arrears;"
                        + " heap max %d MB, sum of pool peaks %d MB, load average %.2f%n",
                jdbc.queryForObject("select count(*) from customers", Long.class),
                jdbc.queryForObject("select count(*) from accounts", Long.class),
                jdbc.queryForObject("select count(*) from customer_phones", Long.class),
                jdbc.queryForObject("select count(*) from meters", Long.class),
                jdbc.queryForObject("select count(*) from arrears", Long.class),
                Runtime.getRuntime().maxMemory() >> 20, poolPeaks >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return String.format("import rows=%d seconds=%.1f max_heap_mb=%d", result.progress().rowsImported(), seconds,
                maxUsed.get() >> 20);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void network(JdbcTemplate jdbc) {
        jdbc.update("insert into substations (code, name) values ('BS1', '基准变电站')");
        jdbc.update("""
                insert into feeder_lines (code, name, substation_id)
                select 'BL' || i, '基准线路' || i, s.id from substations s, generate_series(1, 10) i""");
        jdbc.update("""
                insert into transformer_areas (code, name, feeder_line_id)
                select 'BA' || i, '基准台区' || i, (select min(id) from feeder_lines) + i % 10
                from generate_series(1, 1000) i""");
    }

    private static long write(Path file, int rows) throws Exception {
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", CustomerImportFormat.COLUMNS));
            out.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (int i = 1; i <= rows; i++) {
                line.setLength(0);
                boolean commercial = i % 20 == 0;
                line.append("B").append(String.format("%09d", i)).append(',');
                line.append(SURNAMES[random.nextInt(SURNAMES.length)]).append(GIVEN[random.nextInt(GIVEN.length)]);
                if (random.nextBoolean()) {
                    line.append(GIVEN[random.nextInt(GIVEN.length)]);
                }
                line.append(commercial ? ",commercial," : ",residential,");
                line.append("杭州市").append(STREETS[random.nextInt(STREETS.length)]).append(1 + random.nextInt(999))
                        .append("号").append(1 + random.nextInt(30)).append("幢").append(101 + random.nextInt(1800))
                        .append("室,");
                line.append(6_000_000_000L + i).append(',');
                line.append(13_000_000_000L + random.nextInt(1_000_000_000) + (long) (i % 7) * 1_000_000_000L)
                        .append(',');
                if (random.nextInt(10) < 3) {
                    line.append("0571-8").append(1_000_000 + random.nextInt(8_999_999));
                }
                line.append(",BA").append(1 + random.nextInt(1000)).append(",monthly,");
                line.append("BM").append(i).append(",electricity,").append(random.nextInt(5) == 0 ? "yes" : "no");
                if (random.nextInt(4) == 0) {
                    line.append(",2026-").append(String.format("%02d", 1 + random.nextInt(10))).append(',')
                            .append(1 + random.nextInt(2000)).append('.').append(random.nextInt(10)).append("0,2026-11-")
                            .append(String.format("%02d", 1 + random.nextInt(28)));
                } else {
                    line.append(",,,");
                }
                out.append(line).append('\n');
            }
        }
        return Files.size(file);
    }
}
