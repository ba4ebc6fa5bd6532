package org.hotline.cti.callrecord;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.hotline.cti.callrecord.internal.CallJournal;
import org.hotline.cti.callrecord.internal.CallRecordWriter;
import org.hotline.cti.customer.PhoneNumbers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The call recorder, listening to the call tracker and telling every {@link CallRecordListener} bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallRecordProperties.class)
public class CallRecordConfiguration {

    /** Writes {@code calls} rows through the journal in {@code hotline.call-records.journal-dir}. */
    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    public CallRecorder callRecorder(DataSource dataSource, PhoneNumbers phoneNumbers, CallRecordProperties properties,
                                     ObjectProvider<CallRecordListener> listeners,
                                     ObjectProvider<MeterRegistry> registry) {
        long max = properties.journalMaxSize().toBytes();
        CallJournal journal = properties.journalDir().isBlank()
                ? CallJournal.openTemporary(CallRecordProperties.SEGMENT_BYTES, max)
                : CallJournal.open(Path.of(properties.journalDir()).toAbsolutePath(), CallRecordProperties.SEGMENT_BYTES,
                        max);
        CallRecordWriter writer = new CallRecordWriter(dataSource, phoneNumbers, journal, properties.firstRetry(),
                properties.maxRetry());
        CallRecorder recorder = new CallRecorder(writer, listeners.orderedStream().toList());
        registry.ifAvailable(r -> bind(r, recorder));
        return recorder;
    }

    /** {@code callRecords} on the health page: DOWN when the journal is nearly full, so calls are about to be lost. */
    @Bean
    public HealthIndicator callRecordsHealthIndicator(CallRecorder recorder, CallRecordProperties properties) {
        return () -> {
            long max = properties.journalMaxSize().toBytes();
            Health.Builder b = recorder.journalBytes() >= max * 9 / 10 ? Health.down() : Health.up();
            return b.withDetail("pending", recorder.pending())
                    .withDetail("journalBytes", recorder.journalBytes())
                    .withDetail("journalMaxBytes", max)
                    .withDetail("databaseFailing", recorder.failing())
                    .withDetail("lost", recorder.lost())
                    .build();
        };
    }

    private static void bind(MeterRegistry registry, CallRecorder recorder) {
        Gauge.builder("hotline.calls.journal.pending", recorder, CallRecorder::pending)
                .description("Call records in the local journal not yet in PostgreSQL").register(registry);
        Gauge.builder("hotline.calls.journal.bytes", recorder, CallRecorder::journalBytes)
                .description("Bytes the call-record journal holds on disk").baseUnit("bytes").register(registry);
        FunctionCounter.builder("hotline.calls.written", recorder, CallRecorder::written)
                .description("Call records and wrap-ups written to PostgreSQL").register(registry);
        FunctionCounter.builder("hotline.calls.lost", recorder, CallRecorder::lost)
                .description("Call records given up (journal full, or refused by PostgreSQL for their content)")
                .register(registry);
    }
}
