package org.hotline.cti.calendar;

import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service calendar over the application's DataSource. */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    /** Holidays, make-up working days and special hours. */
    @Bean
    @DependsOnDatabaseInitialization
    public ServiceCalendar serviceCalendar(DataSource dataSource) {
        return new ServiceCalendar(dataSource);
    }
}
