package org.hotline.cti.queuelog;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.callrecord.CallRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The queue_log reconciliation, when {@code hotline.queue-log.path} names the file. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueLogProperties.class)
public class QueueLogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(QueueLogConfiguration.class);

    /** Reconciles every {@code interval} on a thread of its own. */
    @Bean(destroyMethod = "shutdownNow")
    @DependsOnDatabaseInitialization
    @ConditionalOnExpression("!'${hotline.queue-log.path:}'.isBlank()")
    public ScheduledExecutorService queueLogReconciliation(QueueLogReconciler reconciler,
                                                           QueueLogProperties properties) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queue-log-reconciler");
            t.setDaemon(true);
            return t;
        });
        long period = properties.interval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                reconciler.reconcile();
            } catch (RuntimeException ex) {
                log.warn("queue_log reconciliation failed: {}", ex.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return scheduler;
    }

    /** The reconciler of {@code hotline.queue-log.path}; member names are resolved through the tracker. */
    @Bean
    @DependsOnDatabaseInitialization
    @ConditionalOnExpression("!'${hotline.queue-log.path:}'.isBlank()")
    public QueueLogReconciler queueLogReconciler(QueueLogProperties properties, DataSource dataSource,
                                                 CallRecorder recorder, ObjectProvider<CallTracker> tracker,
                                                 ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> registry) {
        QueueLogReconciler reconciler = new QueueLogReconciler(Path.of(properties.path()), dataSource, recorder,
                member -> memberInterface(tracker.getIfAvailable(), member), properties.settle(),
                properties.lookback(), clock.getIfAvailable(Clock::systemUTC));
        registry.ifAvailable(r -> {
            FunctionCounter.builder("hotline.calls.recovered", reconciler, QueueLogReconciler::recovered)
                    .description("Calls missing from calls and recovered from Asterisk's queue_log").register(r);
            FunctionCounter.builder("hotline.queue-log.bad-lines", reconciler, QueueLogReconciler::badLines)
                    .description("queue_log lines that could not be read, skipped").register(r);
        });
        return reconciler;
    }

    private static Optional<AgentInterface> memberInterface(CallTracker tracker, String memberName) {
        if (tracker == null) {
            return Optional.empty();
        }
        return tracker.agents().stream().filter(a -> memberName.equals(a.memberName())).map(AgentView::agent)
                .findFirst();
    }
}
