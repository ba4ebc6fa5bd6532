package org.hotline.cti.callrecord;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Call-record settings ({@code hotline.call-records.*}, env {@code HOTLINE_CALL_RECORDS_*}).
 *
 * @param journalDir the local folder every call record passes through before PostgreSQL has it, kept across restarts,
 *     one per node (default {@code data/call-journal}; empty: a temporary folder, for tests)
 * @param journalMaxSize the most the journal may hold while PostgreSQL is away (default 1GB, about 3 million calls);
 *     beyond it calls are counted as lost and health says so
 * @param firstRetry the first wait after a failed write, doubling up to {@code maxRetry} (default 1 s)
 * @param maxRetry the longest wait between attempts while PostgreSQL is away (default 10 s)
 */
@ConfigurationProperties("hotline.call-records")
public record CallRecordProperties(@DefaultValue("data/call-journal") String journalDir,
                                   @DefaultValue("1GB") DataSize journalMaxSize,
                                   @DefaultValue("1s") Duration firstRetry,
                                   @DefaultValue("10s") Duration maxRetry) {

    /** The segment size of the journal's files. */
    public static final long SEGMENT_BYTES = 16L * 1024 * 1024;
}
