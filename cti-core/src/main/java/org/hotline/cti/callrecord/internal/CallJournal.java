package org.hotline.cti.callrecord.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only journal on local disk, in numbered segment files, with a checkpoint of what PostgreSQL has
 * accepted: entries are appended on the caller's thread (one write, no fsync), read back in order by one consumer,
 * and committed; segments wholly before the checkpoint are deleted. Each entry is {@code length, CRC32C, payload}, so
 * a tail torn by a crash is found and cut off when the journal is opened. A lock file keeps a second process out.
 */
public final class CallJournal implements AutoCloseable {

    /** Where an entry ends (or the journal's read position): segment number and byte offset in it. */
    public record Position(long segment, long offset) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            return segment != o.segment ? Long.compare(segment, o.segment) : Long.compare(offset, o.offset);
        }
    }

    /** One entry read back: its payload and the position just after it (what to commit once it is stored). */
    public record Entry(byte[] payload, Position end) {
    }

    static final int HEADER = 8;
    /** The largest payload accepted: a call record is a few hundred bytes. */
    static final int MAX_PAYLOAD = 64 * 1024;
    private static final String SUFFIX = ".journal";
    private static final String CHECKPOINT = "checkpoint";

    private final Path dir;
    private boolean temporary;
    private final long segmentBytes;
    private final long maxBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    // segment number -> size in bytes, oldest first; guarded by this
    private final TreeMap<Long, Long> segments = new TreeMap<>();
    private FileChannel current;
    private long currentSegment;
    private long currentSize;
    private volatile Position end;
    private volatile Position committed;
    private long appended;
    private long pendingAtOpen;
    private volatile long committedCount;

    private CallJournal(Path dir, long segmentBytes, long maxBytes) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.maxBytes = maxBytes;
        Files.createDirectories(dir);
        this.lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException ex) {
            l = null;
        }
        if (l == null) {
            lockChannel.close();
            throw new IllegalStateException("call-record journal " + dir
                    + " is in use by another Hotline process (hotline.call-records.journal-dir: one folder per node)");
        }
        this.lock = l;
    }

    /**
     * Opens (or creates) the journal in {@code dir}: reads the checkpoint, cuts a torn tail off the last segment and
     * counts the entries not yet committed. Segments roll at {@code segmentBytes}; appends are refused once the
     * segments on disk reach {@code maxBytes}.
     */
    public static CallJournal open(Path dir, long segmentBytes, long maxBytes) {
        try {
            CallJournal journal = new CallJournal(dir, segmentBytes, maxBytes);
            journal.recover();
            return journal;
        } catch (IOException ex) {
            throw new UncheckedIOException("call-record journal " + dir + " could not be opened", ex);
        }
    }

    /** A journal in a new temporary folder, deleted when the journal is closed (tests, benchmarks). */
    public static CallJournal openTemporary(long segmentBytes, long maxBytes) {
        try {
            CallJournal journal = open(Files.createTempDirectory("hotline-call-journal"), segmentBytes, maxBytes);
            journal.temporary = true;
            return journal;
        } catch (IOException ex) {
            throw new UncheckedIOException("no temporary folder for the call-record journal", ex);
        }
    }

    private void recover() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList()) {
                String name = f.getFileName().toString();
                segments.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), Files.size(f));
            }
        }
        committed = readCheckpoint();
        if (segments.isEmpty()) {
            segments.put(Math.max(1, committed.segment()), 0L);
        }
        // segments before the checkpoint's are wholly stored: a crash between commit and delete left them
        while (segments.firstKey() < committed.segment() && segments.size() > 1) {
            Files.deleteIfExists(file(segments.pollFirstEntry().getKey()));
        }
        if (committed.segment() < segments.firstKey()) {
            committed = new Position(segments.firstKey(), 0);
        }
        currentSegment = segments.lastKey();
        current = FileChannel.open(file(currentSegment), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long valid = validLength(current, 0);
        if (valid < current.size()) {
            current.truncate(valid);
        }
        currentSize = valid;
        segments.put(currentSegment, valid);
        end = new Position(currentSegment, currentSize);
        long pending = 0;
        Position at = committed;
        while (true) {
            List<Entry> batch = read(at, 10_000);
            if (batch.isEmpty()) {
                break;
            }
            pending += batch.size();
            at = batch.get(batch.size() - 1).end();
        }
        pendingAtOpen = pending;
    }

    private static long validLength(FileChannel channel, long from) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        long at = from;
        long size = channel.size();
        while (at + HEADER <= size) {
            header.clear();
            channel.read(header, at);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 0 || length > MAX_PAYLOAD || at + HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            channel.read(payload, at + HEADER);
            if (crc(payload.array()) != crc) {
                break;
            }
            at += HEADER + length;
        }
        return at;
    }

    /**
     * Appends one entry (not forced to the device: {@link #force} does that); false when the journal is full or the
     * write failed, so the caller can count the loss.
     */
    public synchronized boolean append(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload: " + payload.length + " (expected: 1.." + MAX_PAYLOAD + ")");
        }
        if (bytesOnDisk() + HEADER + payload.length > maxBytes) {
            return false;
        }
        try {
            if (currentSize >= segmentBytes) {
                roll();
            }
            ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length);
            buffer.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
            while (buffer.hasRemaining()) {
                current.write(buffer, currentSize + buffer.position());
            }
            currentSize += HEADER + payload.length;
            segments.put(currentSegment, currentSize);
            appended++;
            end = new Position(currentSegment, currentSize);
            return true;
        } catch (IOException ex) {
            return false;
        }
    }

    private void roll() throws IOException {
        current.force(false);
        current.close();
        currentSegment++;
        currentSize = 0;
        current = FileChannel.open(file(currentSegment), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        segments.put(currentSegment, 0L);
    }

    /** Forces what was appended to the device (a power cut then loses nothing appended before). */
    public void force() {
        FileChannel channel;
        synchronized (this) {
            channel = current;
        }
        try {
            channel.force(false);
        } catch (IOException | RuntimeException ex) {
            // a channel closed by a concurrent roll was forced by the roll
        }
    }

    /** Up to {@code max} entries after {@code from}, in order; empty when none. Safe beside appends. */
    public List<Entry> read(Position from, int max) {
        Position limit = end;
        List<Entry> out = new ArrayList<>();
        Position at = from;
        try {
            while (out.size() < max && at.compareTo(limit) < 0) {
                long segmentEnd = at.segment() == limit.segment() ? limit.offset() : sizeOf(at.segment());
                if (at.offset() >= segmentEnd) {
                    Long next = nextSegment(at.segment());
                    if (next == null) {
                        break;
                    }
                    at = new Position(next, 0);
                    continue;
                }
                try (FileChannel ch = FileChannel.open(file(at.segment()), StandardOpenOption.READ)) {
                    long offset = at.offset();
                    ByteBuffer header = ByteBuffer.allocate(HEADER);
                    while (out.size() < max && offset + HEADER <= segmentEnd) {
                        header.clear();
                        ch.read(header, offset);
                        header.flip();
                        int length = header.getInt();
                        int crc = header.getInt();
                        if (length <= 0 || length > MAX_PAYLOAD || offset + HEADER + length > segmentEnd) {
                            // damaged on disk: the rest of this segment cannot be framed, the next one can
                            offset = segmentEnd;
                            break;
                        }
                        ByteBuffer payload = ByteBuffer.allocate(length);
                        while (payload.hasRemaining() && ch.read(payload, offset + HEADER + payload.position()) > 0) {
                            // positional reads until the entry is whole
                        }
                        offset += HEADER + length;
                        if (crc(payload.array()) != crc) {
                            continue;
                        }
                        out.add(new Entry(payload.array(), new Position(at.segment(), offset)));
                    }
                    at = new Position(at.segment(), offset);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("call-record journal " + dir + " could not be read", ex);
        }
        return out;
    }

    /**
     * Records that everything up to {@code upTo} is stored (the checkpoint is replaced atomically) and deletes the
     * segments before it.
     */
    public void commit(Position upTo, int entries) {
        try {
            Path tmp = dir.resolve(CHECKPOINT + ".tmp");
            Files.writeString(tmp, upTo.segment() + " " + upTo.offset() + "\n", StandardCharsets.US_ASCII);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            committed = upTo;
            committedCount += entries;
            List<Long> done = new ArrayList<>();
            synchronized (this) {
                while (segments.firstKey() < upTo.segment()) {
                    done.add(segments.pollFirstEntry().getKey());
                }
            }
            for (long segment : done) {
                Files.deleteIfExists(file(segment));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("call-record journal " + dir + ": checkpoint not written", ex);
        }
    }

    /** The journal's folder. */
    public Path folder() {
        return dir;
    }

    /** The position of the first entry not yet committed. */
    public Position committed() {
        return committed;
    }

    /** Entries appended (including those found on disk at open) and not yet committed. */
    public synchronized long pending() {
        return pendingAtOpen + appended - committedCount;
    }

    /** Bytes in the journal's segments on disk. */
    public synchronized long bytesOnDisk() {
        long total = 0;
        for (long size : segments.values()) {
            total += size;
        }
        return total;
    }

    private synchronized long sizeOf(long segment) {
        Long size = segments.get(segment);
        return size == null ? 0 : size;
    }

    private synchronized Long nextSegment(long segment) {
        return segments.higherKey(segment);
    }

    private Position readCheckpoint() throws IOException {
        Path file = dir.resolve(CHECKPOINT);
        if (!Files.exists(file)) {
            return new Position(0, 0);
        }
        String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
        return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private Path file(long segment) {
        return dir.resolve(String.format("%020d%s", segment, SUFFIX));
    }

    private static int crc(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** Forces and closes the current segment and releases the folder. */
    @Override
    public synchronized void close() {
        try {
            current.force(false);
            current.close();
            lock.release();
            lockChannel.close();
            if (temporary) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
