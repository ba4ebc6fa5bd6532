package org.hotline.cti.customerimport;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.hotline.cti.metrics.CachedReading;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer import's gauges, read from {@code import_jobs} (so every node shows the import another node runs):
 * {@code hotline.import.running} (imports running, dry runs not counted), {@code hotline.import.rows} by {@code state}
 * (read, imported, failed: the running imports' counts) and {@code hotline.import.progress} (their bytes read over
 * the file sizes, 0 to 1; NaN when none runs or the size is unknown).
 */
public final class ImportMeters implements MeterBinder {

    /** The running imports' counts summed: how many, rows read, imported and failed, and the share of bytes read. */
    record Running(long imports, long read, long imported, long failed, double progress) {
    }

    private final CachedReading<Running> running;

    /** Gauges over the import jobs in {@code dataSource}. */
    public ImportMeters(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.running = new CachedReading<>("customer import progress", () -> jdbc.queryForObject("""
                select count(*), coalesce(sum(rows_read), 0), coalesce(sum(rows_imported), 0),
                       coalesce(sum(rows_failed), 0), sum(bytes_read)::float8 / nullif(sum(bytes_total), 0)
                from import_jobs where status = 'running' and not dry_run""", (rs, n) -> new Running(rs.getLong(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getObject(5) == null ? Double.NaN : rs.getDouble(5))),
                CachedReading.MAX_AGE);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "hotline.import.running", null, "Customer imports running (dry runs not counted)",
                Running::imports);
        gauge(registry, "hotline.import.rows", "read", "Rows the running customer imports have read", Running::read);
        gauge(registry, "hotline.import.rows", "imported", "Rows the running customer imports have committed",
                Running::imported);
        gauge(registry, "hotline.import.rows", "failed", "Rows the running customer imports refused",
                Running::failed);
        gauge(registry, "hotline.import.progress", null,
                "Share of the running customer imports' files read, 0 to 1", Running::progress);
    }

    private void gauge(MeterRegistry registry, String name, String state, String description,
                       ToDoubleFunction<Running> f) {
        Gauge.Builder<ImportMeters> b = Gauge.builder(name, this, m -> {
            Running r = m.running.get();
            return r == null ? Double.NaN : f.applyAsDouble(r);
        }).strongReference(true).description(description);
        (state == null ? b : b.tag("state", state)).register(registry);
    }
}
