package org.hotline.bench.reports;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.hotline.reports.QueueReport;
import org.hotline.reports.ReportInterval;
import org.hotline.reports.ReportRequest;
import org.hotline.reports.Reports;
import org.hotline.reports.ReportsProperties;
import org.hotline.reports.ServiceLevelRule;
import org.hotline.reports.internal.CallRollups;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #15's scale: a month of a large hotline (10,000,000 calls, 20 queues, 500 agents) generated in PostgreSQL;
 * the rollups rebuilt from them (timed), then the monthly per-queue-per-day report through {@link Reports} (median of
 * {@code --runs}) and the same figures computed straight from {@code calls} with one SQL statement (median), as a
 * ratio. Prints {@code reports calls=… month_ms=… vs_raw_sql=…x rebuild_s=…} last.
 */
public final class ReportsBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ReportsBenchmark() {
    }

    /** Runs the benchmark; see the class comment. */
    public static void main(String[] args) throws Exception {
        long calls = longArg(args, "--calls", 10_000_000);
        int runs = (int) longArg(args, "--runs", 5);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("ROOT").setLevel(Level.WARN);
        String summary;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0").setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "64MB").setServerConfig("max_parallel_workers_per_gather", "2").start()) {
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            hc.setMaximumPoolSize(4);
            try (HikariDataSource db = new HikariDataSource(hc)) {
                Flyway.configure().dataSource(pg.getPostgresDatabase()).load().migrate();
                summary = run(db, calls, runs);
            }
        }
        System.out.println(summary);
    }

    private static String run(HikariDataSource db, long calls, int runs) {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.setQueryTimeout(0);
        long t0 = System.nanoTime();
        for (int q = 1; q <= 20; q++) {
            jdbc.update("insert into queues (name, display_name, service_level_seconds) values (?, ?, 20)"
                    + " on conflict (name) do nothing", "bq" + q, "压测队列 " + q);
        }
        // November 2026 in Beijing time: 30 days; outcomes 72 % answered, 8 % transferred, 8 % abandoned, 4 % timeout,
        // 8 % unanswered; waits 0-120 s, talk 30-600 s, hold on one call in ten, wrap-up on three answered in four
        jdbc.execute("""
                insert into calls (call_id, direction, caller_raw, queue, agent_interface, started_at, queued_at,
                                   answered_at, ended_at, hold_seconds, talk_seconds, outcome, wrapup_seconds)
                select 'b.' || g, 'inbound', '1380000' || lpad((g %% 10000)::text, 4, '0'), 'bq' || (1 + g %% 20),
                       case when o >= 12 and o < 92 then 'PJSIP/' || (2000 + (g * 7) %% 500) end,
                       q - interval '20 seconds', q,
                       case when o < 12 or o >= 92 then null else q + make_interval(secs => w) end,
                       q + make_interval(secs => w + case when o < 12 or o >= 92 then 0 else t end),
                       case when g %% 10 = 0 then 15 else 0 end, case when o < 12 or o >= 92 then 0 else t end,
                       case when o < 8 then 'abandoned' when o < 12 then 'timeout' when o < 20 then 'transferred'
                            when o < 92 then 'answered' else 'unanswered' end,
                       case when o >= 12 and o < 92 and g %% 4 <> 0 then 5 + g %% 55 end
                from (select g, timestamptz '2026-10-31 16:00:00+00' + (g * (2592000.0 / %d)) * interval '1 second' q,
                             (g * 37) %% 100 o, ((g * 13) %% 121)::int w, 30 + ((g * 17) %% 571)::int t
                      from generate_series(1, %d) g) s
                """.formatted(calls, calls));
        jdbc.execute("analyze calls");
        double loadS = (System.nanoTime() - t0) / 1e9;
        System.out.printf("generated %,d calls over November 2026 (20 queues, 500 agents) in %.1f s%n", calls, loadS);

        ReportsProperties properties = ReportsProperties.defaults();
        CallRollups rollups = new CallRollups(db, properties.shortAbandon());
        Duration rebuild = rollups.rebuild();
        jdbc.execute("analyze call_rollups; analyze call_rollup_agents");
        long rollupRows = jdbc.queryForObject("select count(*) from call_rollups", Long.class);
        System.out.printf("rollups rebuilt in %.1f s: %,d queue intervals%n", rebuild.toMillis() / 1000.0, rollupRows);

        Reports reports = new Reports(db, properties);
        ReportRequest month = new ReportRequest(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), SHANGHAI,
                ReportInterval.DAY, List.of(), ServiceLevelRule.ANSWERED);
        List<Double> viaRollups = new ArrayList<>();
        QueueReport report = null;
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            report = reports.queues(month);
            viaRollups.add((System.nanoTime() - s) / 1e6);
        }
        List<Double> raw = new ArrayList<>();
        long[] rawRows = {0};
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            rawRows[0] = 0;
            jdbc.query("""
                    select date_trunc('day', coalesce(c.queued_at, c.started_at) at time zone 'Asia/Shanghai') d, c.queue,
                           count(*), count(*) filter (where outcome in ('answered', 'transferred')),
                           count(*) filter (where outcome = 'abandoned'),
                           count(*) filter (where outcome in ('answered', 'transferred')
                                            and extract(epoch from answered_at - queued_at) <= q.service_level_seconds),
                           avg(extract(epoch from answered_at - queued_at)) filter (where answered_at is not null),
                           avg(talk_seconds) filter (where answered_at is not null), max(extract(epoch from
                               coalesce(answered_at, ended_at) - queued_at)), avg(wrapup_seconds)
                    from calls c left join queues q on q.name = c.queue
                    where c.queue is not null and coalesce(c.queued_at, c.started_at) >= ?
                      and coalesce(c.queued_at, c.started_at) < ?
                    group by 1, 2 order by 1, 2""", rs -> {
                rawRows[0]++;
            }, java.sql.Timestamp.from(month.start()), java.sql.Timestamp.from(month.end()));
            raw.add((System.nanoTime() - s) / 1e6);
        }
        double monthMs = median(viaRollups);
        double rawMs = median(raw);
        System.out.printf("monthly per-queue-per-day report: %d rows (%,d calls) via rollups %s ms, straight from"
                        + " calls %s ms (%d rows)%n", report.rows().size(), report.total().offered(), viaRollups, raw,
                rawRows[0]);
        return String.format("reports calls=%d month_ms=%.1f vs_raw_sql=%.1fx rebuild_s=%.1f", calls, monthMs,
                rawMs / monthMs, rebuild.toMillis() / 1000.0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long longArg(String[] args, String name, long fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? Long.parseLong(args[i + 1]) : fallback;
    }
}
