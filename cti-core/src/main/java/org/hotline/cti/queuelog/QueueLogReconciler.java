package org.hotline.cti.queuelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallEnded;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.Caller;
import org.hotline.cti.callrecord.CallOutcome;
import org.hotline.cti.callrecord.CallRecord;
import org.hotline.cti.callrecord.CallRecorder;
import org.hotline.cti.callrecord.RecoveredCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks Hotline's {@code calls} against Asterisk's own {@code queue_log} (ADR 0032): follows the file, folds its
 * lines into queue calls, and once a call has ended {@code settle} ago and the journal has nothing left to write,
 * records each call {@code calls} lacks (by the queued channel's Uniqueid, or the same caller entering the same queue
 * within two seconds) as a {@link RecoveredCall} with source {@code queue_log}. Calls older than {@code lookback} are
 * left alone. A rotated file (shorter than what was read) is read again from its start.
 */
public final class QueueLogReconciler {

    private static final Logger log = LoggerFactory.getLogger(QueueLogReconciler.class);
    private static final int CHECK_BATCH = 500;
    private static final int READ_CHUNK = 1 << 20;

    private final Path file;
    private final JdbcTemplate jdbc;
    private final CallRecorder recorder;
    private final Function<String, Optional<AgentInterface>> memberInterface;
    private final Duration settle;
    private final Duration lookback;
    private final Clock clock;
    private final QueueLogCalls calls = new QueueLogCalls();
    private final List<QueueLogCall> ended = new ArrayList<>();
    private final AtomicLong recovered = new AtomicLong();
    private final AtomicLong badLines = new AtomicLong();
    private long offset;
    private byte[] partial = new byte[0];

    /**
     * A reconciler of {@code file} into {@code dataSource}'s calls, writing through {@code recorder};
     * {@code memberInterface} names the phone behind a member name ("Agent 1001") when the PBX reported it.
     */
    public QueueLogReconciler(Path file, DataSource dataSource, CallRecorder recorder,
                              Function<String, Optional<AgentInterface>> memberInterface, Duration settle,
                              Duration lookback, Clock clock) {
        this.file = file;
        this.jdbc = new JdbcTemplate(dataSource);
        this.recorder = recorder;
        this.memberInterface = memberInterface;
        this.settle = settle;
        this.lookback = lookback;
        this.clock = clock;
    }

    /** Reads what the file gained and recovers the settled calls {@code calls} lacks; returns how many it recovered. */
    public synchronized int reconcile() {
        readNewLines();
        if (recorder.pending() > 0) {
            // the journal still holds calls for the database: they are not missing, only late
            return 0;
        }
        Instant now = clock.instant();
        Instant oldest = now.minus(lookback);
        List<QueueLogCall> due = new ArrayList<>();
        ended.removeIf(c -> {
            if (c.endedAt().isBefore(oldest)) {
                return true;
            }
            if (!c.endedAt().plus(settle).isAfter(now)) {
                due.add(c);
                return true;
            }
            return false;
        });
        int count = 0;
        for (int i = 0; i < due.size(); i += CHECK_BATCH) {
            count += recoverMissing(due.subList(i, Math.min(due.size(), i + CHECK_BATCH)));
        }
        if (count > 0) {
            log.warn("{} calls missing from calls were recovered from queue_log {}", count, file);
        }
        recovered.addAndGet(count);
        return count;
    }

    /** Calls recovered so far. */
    public long recovered() {
        return recovered.get();
    }

    /** Lines that were not queue_log lines, skipped. */
    public long badLines() {
        return badLines.get();
    }

    private void readNewLines() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < offset) {
                log.info("queue_log {} is shorter than before (rotated): reading it from the start", file);
                offset = 0;
                partial = new byte[0];
            }
            ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
            while (offset < size) {
                buffer.clear();
                int n = ch.read(buffer, offset);
                if (n <= 0) {
                    break;
                }
                offset += n;
                lines(buffer.array(), n);
            }
        } catch (NoSuchFileException ex) {
            // Asterisk has not written its first queue call yet
        } catch (IOException ex) {
            throw new UncheckedIOException("queue_log " + file + " could not be read", ex);
        }
    }

    private void lines(byte[] chunk, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\n') {
                byte[] line = new byte[partial.length + i - start];
                System.arraycopy(partial, 0, line, 0, partial.length);
                System.arraycopy(chunk, start, line, partial.length, i - start);
                partial = new byte[0];
                start = i + 1;
                line(new String(line, StandardCharsets.UTF_8).stripTrailing());
            }
        }
        int rest = length - start;
        if (partial.length + rest > QueueLogLine.MAX_LINE_LENGTH) {
            // no line is this long: drop it rather than hold an unbounded fragment
            badLines.incrementAndGet();
            partial = new byte[0];
        } else if (rest > 0) {
            byte[] joined = new byte[partial.length + rest];
            System.arraycopy(partial, 0, joined, 0, partial.length);
            System.arraycopy(chunk, start, joined, partial.length, rest);
            partial = joined;
        }
    }

    private void line(String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            calls.accept(QueueLogLine.parse(text)).ifPresent(ended::add);
        } catch (QueueLogException ex) {
            if (badLines.incrementAndGet() % 1000 == 1) {
                log.warn("queue_log {}: line skipped ({})", file, ex.getMessage());
            }
        }
    }

    private int recoverMissing(List<QueueLogCall> batch) {
        Set<String> known = new HashSet<>(jdbc.queryForList("select call_id from calls where call_id = any(?)",
                String.class, (Object) batch.stream().map(QueueLogCall::callId).toArray(String[]::new)));
        int count = 0;
        for (QueueLogCall c : batch) {
            if (known.contains(c.callId()) || sameCallRecorded(c)) {
                continue;
            }
            recorder.recover(new RecoveredCall(record(c), "queue_log"));
            count++;
        }
        return count;
    }

    // a call queued through a Local channel has a queue_log callid that is not its Linkedid: match it by what it was
    private boolean sameCallRecorded(QueueLogCall c) {
        Integer n = jdbc.queryForObject("""
                select count(*) from calls where queue = ? and caller_raw is not distinct from ?
                and queued_at between ? and ?""", Integer.class, c.queue(), c.caller().isEmpty() ? null : c.caller(),
                Timestamp.from(c.enteredAt().minusSeconds(2)), Timestamp.from(c.enteredAt().plusSeconds(2)));
        return n != null && n > 0;
    }

    private CallRecord record(QueueLogCall c) {
        AgentInterface agent = c.agent() == null ? null : memberInterface.apply(c.agent()).orElse(null);
        CallEnded.EndedBy endedBy = c.endedBy() == null ? null
                : c.endedBy().equals("caller") ? CallEnded.EndedBy.CALLER : CallEnded.EndedBy.AGENT;
        return new CallRecord(new CallId(c.callId()), "inbound", new Caller(c.caller(), ""),
                c.queue(), agent, c.agent(), c.enteredAt(), c.enteredAt(), c.connectedAt(), c.endedAt(),
                Duration.ZERO, c.talk(), c.talk(), CallOutcome.ofCode(c.outcome()), 0, endedBy);
    }
}
