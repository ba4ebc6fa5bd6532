package org.hotline.reports.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code call_rollups} and {@code call_rollup_agents} equal to what {@code calls} says: each refresh recomputes
 * the 15-minute intervals of the rows written since the last one (with a minute's overlap for transactions that
 * committed late), never adding to a counter, so a call written twice counts once; a rebuild recomputes them all.
 */
public final class CallRollups {

    private static final Logger log = LoggerFactory.getLogger(CallRollups.class);
    /** Rows written this long before the last refresh are looked at again (a transaction's now() is its start). */
    private static final Duration OVERLAP = Duration.ofSeconds(60);

    static final String BUCKET = "date_bin('15 minutes', coalesce(c.queued_at, c.started_at), timestamptz 'epoch')";

    private static final String WAIT = "greatest(0, extract(epoch from (coalesce(c.answered_at, c.ended_at)"
            + " - c.queued_at)))";

    private static final String QUEUE_COLUMNS = """
            count(*),
            count(*) filter (where c.outcome in ('answered', 'transferred')),
            count(*) filter (where c.outcome = 'abandoned'),
            count(*) filter (where c.outcome = 'abandoned' and coalesce(%1$s, 0) < %2$d),
            count(*) filter (where c.outcome = 'timeout'),
            count(*) filter (where c.outcome in ('unanswered', 'failed')),
            count(*) filter (where c.outcome = 'transferred'),
            count(*) filter (where c.outcome in ('answered', 'transferred')
                             and coalesce(%1$s, 0) <= coalesce(q.service_level_seconds, 30)),
            count(*) filter (where c.outcome = 'abandoned'
                             and coalesce(%1$s, 0) <= coalesce(q.service_level_seconds, 30)),
            coalesce(sum(%1$s) filter (where c.outcome in ('answered', 'transferred')), 0)::bigint,
            coalesce(sum(%1$s) filter (where c.outcome = 'abandoned'), 0)::bigint,
            coalesce(sum(%1$s), 0)::bigint,
            coalesce(max(%1$s), 0)::integer,
            coalesce(sum(c.talk_seconds) filter (where c.outcome in ('answered', 'transferred')), 0),
            coalesce(sum(c.hold_seconds) filter (where c.outcome in ('answered', 'transferred')), 0),
            coalesce(sum(c.wrapup_seconds), 0),
            count(c.wrapup_seconds),
            coalesce(q.service_level_seconds, 30)
            """;

    private static final String INSERT_QUEUES = """
            insert into call_rollups (queue, bucket, offered, answered, abandoned, short_abandoned, timeouts,
                unanswered, transferred, answered_within_t, abandoned_within_t, wait_answered_seconds,
                wait_abandoned_seconds, wait_all_seconds, max_wait_seconds, talk_seconds, hold_seconds,
                wrapup_seconds, wrapups, service_level_seconds)
            """;

    private static final String INSERT_AGENTS = """
            insert into call_rollup_agents (agent_interface, queue, bucket, agent_id, answered, transferred,
                talk_seconds, hold_seconds, wrapup_seconds, wrapups)
            """;

    private static final String AGENT_COLUMNS = """
            max(c.agent_id), count(*), count(*) filter (where c.outcome = 'transferred'),
            coalesce(sum(c.talk_seconds), 0), coalesce(sum(c.hold_seconds), 0), coalesce(sum(c.wrapup_seconds), 0),
            count(c.wrapup_seconds)
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int shortAbandonSeconds;

    /** Rollups over {@code dataSource}; abandons that waited under {@code shortAbandon} are short. */
    public CallRollups(DataSource dataSource, Duration shortAbandon) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.shortAbandonSeconds = (int) shortAbandon.toSeconds();
    }

    /** Recomputes the intervals of the calls written since the last refresh; returns how many intervals. */
    public synchronized int refresh() {
        Integer threshold = jdbc.query("select short_abandon_seconds from call_rollup_state where id = 1",
                rs -> rs.next() ? rs.getInt(1) : null);
        if (threshold == null || threshold != shortAbandonSeconds) {
            // first start, or another short-abandon threshold: every interval counts differently
            rebuild();
            return -1;
        }
        Integer[] count = {0};
        tx.executeWithoutResult(status -> {
            Timestamp now = jdbc.queryForObject("select now()", Timestamp.class);
            Timestamp since = jdbc.queryForObject(
                    "select watermark - make_interval(secs => ?) from call_rollup_state where id = 1 for update",
                    Timestamp.class, OVERLAP.toSeconds());
            List<String> queues = new ArrayList<>();
            List<Timestamp> buckets = new ArrayList<>();
            jdbc.query("select distinct c.queue, " + BUCKET + " from calls c where c.queue is not null"
                    + " and c.written_at >= ?", rs -> {
                        queues.add(rs.getString(1));
                        buckets.add(rs.getTimestamp(2));
                    }, since);
            recompute(queues, buckets);
            jdbc.update("update call_rollup_state set watermark = ? where id = 1", now);
            count[0] = queues.size();
        });
        return count[0];
    }

    private void recompute(List<String> queues, List<Timestamp> buckets) {
        if (queues.isEmpty()) {
            return;
        }
        Object[] args = {queues.toArray(String[]::new), buckets.toArray(Timestamp[]::new)};
        String dirty = "unnest(?::text[], ?::timestamptz[]) d(queue, bucket)";
        jdbc.update("delete from call_rollups r using " + dirty + " where r.queue = d.queue and r.bucket = d.bucket",
                args);
        jdbc.update("delete from call_rollup_agents r using " + dirty
                + " where r.queue = d.queue and r.bucket = d.bucket", args);
        String inDirty = " from " + dirty + " join calls c on c.queue = d.queue"
                + " and coalesce(c.queued_at, c.started_at) >= d.bucket"
                + " and coalesce(c.queued_at, c.started_at) < d.bucket + interval '15 minutes'";
        jdbc.update(INSERT_QUEUES + " select d.queue, d.bucket, " + queueColumns() + inDirty
                + " left join queues q on q.name = c.queue group by d.queue, d.bucket, q.service_level_seconds", args);
        jdbc.update(INSERT_AGENTS + " select c.agent_interface, d.queue, d.bucket, " + AGENT_COLUMNS + inDirty
                + " where c.agent_interface is not null and c.outcome in ('answered', 'transferred')"
                + " group by c.agent_interface, d.queue, d.bucket", args);
    }

    /** Recomputes every interval from {@code calls}; returns how long it took. */
    public synchronized Duration rebuild() {
        long t0 = System.nanoTime();
        tx.executeWithoutResult(status -> {
            Timestamp now = jdbc.queryForObject("select now()", Timestamp.class);
            jdbc.update("delete from call_rollups");
            jdbc.update("delete from call_rollup_agents");
            jdbc.update(INSERT_QUEUES + " select c.queue, " + BUCKET + ", " + queueColumns()
                    + " from calls c left join queues q on q.name = c.queue where c.queue is not null"
                    + " group by c.queue, 2, q.service_level_seconds");
            jdbc.update(INSERT_AGENTS + " select c.agent_interface, c.queue, " + BUCKET + ", " + AGENT_COLUMNS
                    + " from calls c where c.queue is not null and c.agent_interface is not null"
                    + " and c.outcome in ('answered', 'transferred') group by c.agent_interface, c.queue, 3");
            jdbc.update("""
                    insert into call_rollup_state (id, watermark, short_abandon_seconds) values (1, ?, ?)
                    on conflict (id) do update set watermark = excluded.watermark,
                        short_abandon_seconds = excluded.short_abandon_seconds""", now, shortAbandonSeconds);
        });
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        log.info("call rollups rebuilt from calls in {} ms", took.toMillis());
        return took;
    }

    /** The last refresh's high-water mark, or null before the first. */
    public Instant watermark() {
        return jdbc.query("select watermark from call_rollup_state where id = 1",
                rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null);
    }

    private String queueColumns() {
        return QUEUE_COLUMNS.formatted(WAIT, shortAbandonSeconds);
    }
}
