package org.hotline.cti.customerimport;

import java.time.Instant;

/** One import as recorded for polling: its status (running, done, failed), progress and error. */
public record ImportJob(long id, boolean dryRun, String status, String fileName, String startedBy, Long bytesTotal,
                        ImportProgress progress, Long resumedFrom, String error, Instant startedAt,
                        Instant updatedAt, Instant finishedAt) {
}
