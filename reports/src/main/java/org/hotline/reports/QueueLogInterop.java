package org.hotline.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.queuelog.QueueLogCall;
import org.hotline.cti.queuelog.QueueLogCalls;
import org.hotline.cti.queuelog.QueueLogException;
import org.hotline.cti.queuelog.QueueLogLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hotline's calls in and out of Asterisk's {@code queue_log} format, so QueueMetrics or Asternic users can load our
 * data and a company's history comes with it: the export writes the lines app_queue would have written for each
 * queue call (ENTERQUEUE, CONNECT, then COMPLETECALLER/COMPLETEAGENT, TRANSFER, ABANDON or EXITWITHTIMEOUT); the
 * import reads a whole file first and refuses it, naming the line, if one line is not a queue_log line, then adds
 * every finished queue call {@code calls} lacks in one transaction ({@code source = 'import'}).
 */
public final class QueueLogInterop {

    /** What an import did. */
    public record ImportResult(long lines, long calls, long added, long alreadyKnown) {
    }

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    /** Interop over {@code dataSource}'s calls. */
    public QueueLogInterop(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Writes the queue calls that entered a queue in the request's range as queue_log lines, oldest first. */
    public long export(ReportRequest request, Writer out) throws IOException {
        long[] lines = {0};
        IOException[] failed = {null};
        jdbc.query("""
                select call_id, queue, coalesce(agent_interface, 'NONE'), caller_raw, queued_at, answered_at, ended_at,
                       coalesce(talk_with_hold_seconds, talk_seconds, 0), outcome, ended_by
                from calls where queue is not null and queued_at >= ? and queued_at < ? and ended_at is not null
                order by queued_at, call_id""", rs -> {
            if (failed[0] != null) {
                return;
            }
            String id = rs.getString(1);
            String queue = rs.getString(2);
            String agent = rs.getString(3);
            Instant queued = rs.getTimestamp(5).toInstant();
            Timestamp answeredTs = rs.getTimestamp(6);
            Instant ended = rs.getTimestamp(7).toInstant();
            long talk = rs.getLong(8);
            String outcome = rs.getString(9);
            List<QueueLogLine> out1 = new ArrayList<>(3);
            out1.add(new QueueLogLine(queued, id, queue, "NONE", "ENTERQUEUE",
                    List.of("", rs.getString(4) == null ? "" : rs.getString(4), "1")));
            if (answeredTs != null && (outcome.equals("answered") || outcome.equals("transferred"))) {
                Instant answered = answeredTs.toInstant();
                long wait = Math.max(0, answered.getEpochSecond() - queued.getEpochSecond());
                out1.add(new QueueLogLine(answered, id, queue, agent, "CONNECT", List.of(wait + "", "", "0")));
                if (outcome.equals("transferred")) {
                    out1.add(new QueueLogLine(ended, id, queue, agent, "BLINDTRANSFER",
                            List.of("", "", wait + "", talk + "", "1")));
                } else {
                    out1.add(new QueueLogLine(ended, id, queue, agent,
                            "agent".equals(rs.getString(10)) ? "COMPLETEAGENT" : "COMPLETECALLER",
                            List.of(wait + "", talk + "", "1")));
                }
            } else {
                long waited = Math.max(0, ended.getEpochSecond() - queued.getEpochSecond());
                String event = switch (outcome) {
                    case "abandoned" -> "ABANDON";
                    case "timeout" -> "EXITWITHTIMEOUT";
                    default -> "EXITEMPTY";
                };
                out1.add(new QueueLogLine(ended, id, queue, "NONE", event, List.of("1", "1", waited + "")));
            }
            try {
                for (QueueLogLine l : out1) {
                    out.write(l.format());
                    out.write('\n');
                    lines[0]++;
                }
            } catch (IOException ex) {
                failed[0] = ex;
            }
        }, Timestamp.from(request.start()), Timestamp.from(request.end()));
        if (failed[0] != null) {
            throw failed[0];
        }
        out.flush();
        return lines[0];
    }

    /**
     * Imports a queue_log file: every line is checked before anything is written (a bad one refuses the file with its
     * number), then the finished queue calls {@code calls} lacks are added in one transaction.
     */
    public ImportResult importFile(Path file) throws IOException {
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lines++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    QueueLogLine.parse(line);
                } catch (QueueLogException ex) {
                    throw new ReportRequestException("line " + lines + ": " + ex.getMessage()
                            + " (nothing was imported)");
                }
            }
        }
        long total = lines;
        long[] counts = new long[2];
        tx.executeWithoutResult(status -> {
            QueueLogCalls fold = new QueueLogCalls();
            List<QueueLogCall> batch = new ArrayList<>(BATCH);
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    fold.accept(QueueLogLine.parse(line)).ifPresent(batch::add);
                    if (batch.size() == BATCH) {
                        insert(batch, counts);
                    }
                }
                insert(batch, counts);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        return new ImportResult(total, counts[0], counts[1], counts[0] - counts[1]);
    }

    private void insert(List<QueueLogCall> batch, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        int[][] done = jdbc.batchUpdate("""
                insert into calls (call_id, direction, caller_raw, queue, agent_interface, started_at, queued_at,
                                   answered_at, ended_at, hold_seconds, talk_seconds, talk_with_hold_seconds,
                                   outcome, ended_by, source)
                values (?, 'inbound', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 'import')
                on conflict (call_id) do nothing""", batch, batch.size(), (ps, c) -> {
            ps.setString(1, c.callId());
            ps.setString(2, c.caller().isEmpty() ? null : c.caller());
            ps.setString(3, c.queue());
            // imported history names agents as queue_log does (the member name)
            ps.setString(4, c.agent());
            ps.setTimestamp(5, Timestamp.from(c.enteredAt()));
            ps.setTimestamp(6, Timestamp.from(c.enteredAt()));
            ps.setTimestamp(7, c.connectedAt() == null ? null : Timestamp.from(c.connectedAt()));
            ps.setTimestamp(8, Timestamp.from(c.endedAt()));
            ps.setInt(9, (int) c.talk().toSeconds());
            ps.setInt(10, (int) c.talk().toSeconds());
            ps.setString(11, c.outcome());
            ps.setString(12, c.endedBy());
        });
        counts[0] += batch.size();
        for (int[] chunk : done) {
            for (int n : chunk) {
                counts[1] += Math.max(0, n);
            }
        }
        batch.clear();
    }
}
