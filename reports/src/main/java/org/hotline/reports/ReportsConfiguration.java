package org.hotline.reports;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hotline.reports.internal.CallRollups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** Reports: the rollups kept from {@code calls}, the report queries and their web API. */
@AutoConfiguration
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

    /** The report queries. */
    @Bean
    @DependsOnDatabaseInitialization
    public Reports reports(DataSource dataSource, ReportsProperties properties) {
        return new Reports(dataSource, properties);
    }
}
