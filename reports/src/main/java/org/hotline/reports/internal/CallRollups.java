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
            coalesce(q.service_level_seconds, 30),
            count(*) filter (where exists (select 1 from callbacks b where b.call_id = c.call_id
                                           and b.kind = 'requested')),
            count(*) filter (where exists (select 1 from work_orders w where w.call_id = c.call_id)),
            count(sv.score), count(*) filter (where sv.score >= 4), coalesce(sum(sv.score), 0)
            """;

    private static final String INSERT_QUEUES = """
            insert into call_rollups (queue, bucket, offered, answered, abandoned, short_abandoned, timeouts,
                unanswered, transferred, answered_within_t, abandoned_within_t, wait_answered_seconds,
                wait_abandoned_seconds, wait_all_seconds, max_wait_seconds, talk_seconds, hold_seconds,
                wrapup_seconds, wrapups, service_level_seconds, callbacks_requested, work_orders, surveyed, satisfied,
                score_sum)
            """;

    private static final String INSERT_AGENTS = """
            insert into call_rollup_agents (agent_interface, queue, bucket, agent_id, answered, transferred,
                talk_seconds, hold_seconds, wrapup_seconds, wrapups)
            """;

    /**
     * Each agent's share of the queue calls in {@code %1$s} (calls c, filtered by the caller): from the call's talk
     * segments where it has them (a transfer splits the talk), else from the call's answering agent. Hold is the
     * agent's own hold within the call; the wrap-up is the call's, charged to the agent who answered it.
     */
    private static final String AGENT_SHARES = """
            select s.agent_interface, c.queue, %2$s as bucket, s.agent_id,
                   (s.result = 'transferred')::int as transferred,
                   greatest(0, extract(epoch from s.ended_at - s.started_at) - coalesce(h.hold, 0)) as talk,
                   coalesce(h.hold, 0) as hold,
                   case when s.agent_interface = c.agent_interface then c.wrapup_seconds end as wrap
            from %1$s join call_segments s on s.call_id = c.call_id and s.kind = 'talk'
            left join lateral (select sum(extract(epoch from x.ended_at - x.started_at)) as hold from call_segments x
                               where x.call_id = s.call_id and x.kind = 'hold'
                                 and x.agent_interface = s.agent_interface) h on true
            where c.queue is not null and s.agent_interface is not null
            union all
            select c.agent_interface, c.queue, %2$s, c.agent_id, (c.outcome = 'transferred')::int, c.talk_seconds,
                   c.hold_seconds, c.wrapup_seconds
            from %1$s
            where c.queue is not null and c.agent_interface is not null and c.outcome in ('answered', 'transferred')
              and not exists (select 1 from call_segments s where s.call_id = c.call_id and s.kind = 'talk')
            """;

    private static final String AGENT_SUMS = """
            select agent_interface, queue, bucket, max(agent_id), count(*), sum(transferred), round(sum(talk))::bigint,
                   round(sum(hold))::bigint, coalesce(sum(wrap), 0), count(wrap)
            from (%s) shares group by agent_interface, queue, bucket
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
            // a call's interval changes when its row is written, and when a survey, a requested callback or a work
            // order arrives for it afterwards
            jdbc.query("select distinct c.queue, " + BUCKET + " from calls c where c.queue is not null and ("
                    + "c.written_at >= ?"
                    + " or c.call_id in (select call_id from satisfaction_surveys where answered_at >= ?)"
                    + " or c.call_id in (select call_id from callbacks where created_at >= ? and call_id is not null)"
                    + " or c.call_id in (select call_id from work_orders where created_at >= ? and call_id is not null))",
                    rs -> {
                        queues.add(rs.getString(1));
                        buckets.add(rs.getTimestamp(2));
                    }, since, since, since, since);
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
                + " left join queues q on q.name = c.queue left join satisfaction_surveys sv on sv.call_id = c.call_id"
                + " group by d.queue, d.bucket, q.service_level_seconds", args);
        String dirtyCalls = dirty + " join calls c on c.queue = d.queue"
                + " and coalesce(c.queued_at, c.started_at) >= d.bucket"
                + " and coalesce(c.queued_at, c.started_at) < d.bucket + interval '15 minutes'";
        // the dirty list is bound twice: once for each half of the shares' union
        Object[] twice = {args[0], args[1], args[0], args[1]};
        jdbc.update(INSERT_AGENTS + AGENT_SUMS.formatted(AGENT_SHARES.formatted(dirtyCalls, "d.bucket")), twice);
    }

    /** Recomputes every interval from {@code calls}; returns how long it took. */
    public synchronized Duration rebuild() {
        long t0 = System.nanoTime();
        tx.executeWithoutResult(status -> {
            Timestamp now = jdbc.queryForObject("select now()", Timestamp.class);
            jdbc.update("delete from call_rollups");
            jdbc.update("delete from call_rollup_agents");
            jdbc.update(INSERT_QUEUES + " select c.queue, " + BUCKET + ", " + queueColumns()
                    + " from calls c left join queues q on q.name = c.queue"
                    + " left join satisfaction_surveys sv on sv.call_id = c.call_id where c.queue is not null"
                    + " group by c.queue, 2, q.service_level_seconds");
            jdbc.update(INSERT_AGENTS + AGENT_SUMS.formatted(AGENT_SHARES.formatted("calls c", BUCKET)));
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
