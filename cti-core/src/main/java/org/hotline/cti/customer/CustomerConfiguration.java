package org.hotline.cti.customer;

import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.QueueDirectory;
import org.hotline.cti.agent.Teams;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer records, phone-number rules and the agent directory, all over the application's DataSource. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PhoneProperties.class)
public class CustomerConfiguration {

    /** Normalizes numbers by the company's area code and outside-line prefix. */
    @Bean
    public PhoneNumbers phoneNumbers(PhoneProperties properties) {
        return new PhoneNumbers(properties);
    }

    /** Customer cards and contacts. */
    @Bean
    @DependsOnDatabaseInitialization
    public CustomerDirectory customerDirectory(DataSource dataSource, PhoneNumbers phoneNumbers) {
        return new CustomerDirectory(dataSource, phoneNumbers);
    }

    /** Users, their roles, phone interfaces and queues; created after Flyway so its first reads find the schema. */
    @Bean
    @DependsOnDatabaseInitialization
    public AgentDirectory agentDirectory(DataSource dataSource) {
        return new AgentDirectory(dataSource);
    }

    /** Teams (班组) of users. */
    @Bean
    @DependsOnDatabaseInitialization
    public Teams teams(DataSource dataSource) {
        return new Teams(dataSource);
    }

    /** The call queues and their members' penalties, as administrators set them. */
    @Bean
    @DependsOnDatabaseInitialization
    public QueueDirectory queueDirectory(DataSource dataSource) {
        return new QueueDirectory(dataSource);
    }
}
