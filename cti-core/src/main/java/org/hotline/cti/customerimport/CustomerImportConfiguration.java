package org.hotline.cti.customerimport;

import javax.sql.DataSource;
import org.hotline.cti.customer.PhoneNumbers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer importer and its job records over the application's DataSource. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CustomerImportProperties.class)
public class CustomerImportConfiguration {

    /** The importer. */
    @Bean
    @DependsOnDatabaseInitialization
    public CustomerImport customerImport(DataSource dataSource, PhoneNumbers phoneNumbers,
                                         CustomerImportProperties properties) {
        return new CustomerImport(dataSource, phoneNumbers, properties);
    }

    /** The import's gauges (running imports, their rows and progress) for Prometheus. */
    @Bean
    @DependsOnDatabaseInitialization
    public ImportMeters importMeters(DataSource dataSource) {
        return new ImportMeters(dataSource);
    }

    /** Import progress records. */
    @Bean
    @DependsOnDatabaseInitialization
    public ImportJobs importJobs(DataSource dataSource) {
        return new ImportJobs(dataSource);
    }
}
