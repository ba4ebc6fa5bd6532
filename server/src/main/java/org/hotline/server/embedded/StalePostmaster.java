package org.hotline.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After {@code kill -9} of the JVM the embedded PostgreSQL it started keeps running (it is started detached, and the
 * shutdown hook that stops it never ran), holding the data folder: the next start then fails. Before starting, a
 * postmaster named in {@code postmaster.pid} that is alive while no JVM holds the folder's lock ({@code epg-lock},
 * held by the embedded library for as long as its JVM lives) is an orphan: it is asked to stop (SIGTERM, PostgreSQL's
 * smart shutdown, which finishes at once as its clients died with the JVM), then killed if it does not within 30 s.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    /** Stops an orphaned postmaster of {@code dataDir}; returns whether there was one. */
    static boolean stopIfOrphaned(Path dataDir) {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        if (postmaster.isEmpty()) {
            return false;
        }
        if (lockedByAnotherJvm(dataDir)) {
            throw new IllegalStateException("embedded PostgreSQL's data folder " + dataDir + " is in use by another "
                    + "running Hotline (its lock is held): stop that one first or set another data-dir");
        }
        ProcessHandle p = postmaster.get();
        log.warn("embedded PostgreSQL (pid {}) outlived the last Hotline process (kill -9?): stopping it before starting",
                p.pid());
        p.destroy();
        try {
            p.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("embedded PostgreSQL (pid {}) did not stop within {}: killing it", p.pid(), STOP_WAIT);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException again) {
                throw new IllegalStateException("could not stop the stale embedded PostgreSQL (pid " + p.pid() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the stale embedded PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not stop the stale embedded PostgreSQL", e);
        }
        return true;
    }

    /** The live process {@code postmaster.pid} names, if it is a PostgreSQL server. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info().command()
                    .map(c -> c.endsWith("postgres") || c.endsWith("postmaster")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // PostgreSQL itself copes with a stale or garbled pid file
        }
    }

    private static boolean lockedByAnotherJvm(Path dataDir) {
        Path lockFile = dataDir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this JVM holds it: an embedded PostgreSQL of ours is running
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of " + lockFile, e);
        }
    }
}
