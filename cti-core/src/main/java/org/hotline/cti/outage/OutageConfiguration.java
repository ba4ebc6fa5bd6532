package org.hotline.cti.outage;

import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outage capability (issue #4) over the application's DataSource. */
@Configuration(proxyBeanMethods = false)
public class OutageConfiguration {

    /** Reads outages and the customers beneath them. */
    @Bean
    @DependsOnDatabaseInitialization
    public Outages outages(DataSource dataSource) {
        return new Outages(dataSource);
    }
}
