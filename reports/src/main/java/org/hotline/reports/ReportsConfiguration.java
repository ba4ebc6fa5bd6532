package org.hotline.reports;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hotline.reports.internal.CallRollups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.mail.javamail.JavaMailSender;

/** Reports: the rollups kept from {@code calls}, the report queries and their web API. */
// after the mail auto-configuration, so its JavaMailSender (when spring.mail.host is set) is seen
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration")
@EnableConfigurationProperties(ReportsProperties.class)
@ComponentScan("org.hotline.reports.web")
public class ReportsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReportsConfiguration.class);

    /** The rollups, refreshed every {@code refresh-interval} on a thread of their own (the first refresh builds them). */
    @Bean
    @DependsOnDatabaseInitialization
    public CallRollups callRollups(DataSource dataSource, ReportsProperties properties) {
        return new CallRollups(dataSource, properties.shortAbandon());
    }

    /** Refreshes the rollups; stopped with the context. */
    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService rollupRefresher(CallRollups rollups, ReportsProperties properties) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "report-rollups");
            t.setDaemon(true);
            return t;
        });
        long period = properties.refreshInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                rollups.refresh();
            } catch (RuntimeException ex) {
                log.warn("report rollups not refreshed: {}", ex.toString());
            }
        }, 0, period, TimeUnit.MILLISECONDS);
        return scheduler;
    }

    /** The queue_log export and import. */
    @Bean
    public QueueLogInterop queueLogInterop(DataSource dataSource) {
        return new QueueLogInterop(dataSource);
    }

    /** The reports made on schedule, mailed through the SMTP server of {@code spring.mail.*} when one is set. */
    @Bean
    @DependsOnDatabaseInitialization
    public ScheduledReports scheduledReports(DataSource dataSource, Reports reports, ReportsProperties properties,
                                             ObjectProvider<JavaMailSender> mail, ObjectProvider<Clock> clock) {
        return new ScheduledReports(dataSource, reports, properties, Optional.ofNullable(mail.getIfAvailable()),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** Looks every minute for a scheduled report that is due (the first look right after the start). */
    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnProperty(name = "hotline.reports.schedule.enabled", havingValue = "true", matchIfMissing = true)
    public ScheduledExecutorService reportSchedule(ScheduledReports scheduled) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scheduled-reports");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                scheduled.runDue();
            } catch (RuntimeException ex) {
                log.warn("scheduled reports not made: {}", ex.toString());
            }
        }, 30, 60, TimeUnit.SECONDS);
        return scheduler;
    }

    /** The report queries. */
    @Bean
    @DependsOnDatabaseInitialization
    public Reports reports(DataSource dataSource, ReportsProperties properties) {
        return new Reports(dataSource, properties);
    }

    /** The call outcomes per queue and agent (ADR 0036). */
    @Bean
    public OutcomeReport outcomeReport(DataSource dataSource, Reports reports) {
        return new OutcomeReport(dataSource, reports);
    }
}
