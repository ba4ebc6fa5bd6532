package org.hotline.cti.outage;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outage capability (issue #4) over the application's DataSource; "now" is a {@link Clock} bean when the
 * application defines one (tests do), else the system clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutageProperties.class)
public class OutageConfiguration {

    /** Reads outages and the customers beneath them. */
    @Bean
    @DependsOnDatabaseInitialization
    public Outages outages(DataSource dataSource, OutageProperties properties) {
        return new Outages(dataSource, properties.listingConnections());
    }

    /** Declares, extends and restores outages. */
    @Bean
    @DependsOnDatabaseInitialization
    public OutageDesk outageDesk(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new OutageDesk(dataSource, clock.getIfUnique(Clock::systemUTC));
    }

    /** Outage lists, coverage, the board and the public feed. */
    @Bean
    @DependsOnDatabaseInitialization
    public OutageStatus outageStatus(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new OutageStatus(dataSource, clock.getIfUnique(Clock::systemUTC));
    }

    /** Ends outages at their expected end ({@code hotline.outages.auto-restore-interval}, default 30 s). */
    @Bean
    public OutageAutoRestore outageAutoRestore(OutageDesk desk, OutageProperties properties) {
        return new OutageAutoRestore(desk, properties.autoRestoreInterval());
    }
}
