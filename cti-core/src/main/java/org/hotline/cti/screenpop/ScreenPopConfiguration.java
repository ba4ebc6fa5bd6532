package org.hotline.cti.screenpop;

import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The screen-pop service, listening to the call tracker's events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScreenPopProperties.class)
public class ScreenPopConfiguration {

    /** Builds pops on its own workers and hands them to the publisher (the push capability's {@code PopPublisher}). */
    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    public ScreenPops screenPops(ScreenPopProperties properties, AgentDirectory agents, PhoneNumbers phoneNumbers,
                                 CustomerDirectory customers, Consumer<ScreenPop> publisher) {
        return new ScreenPops(properties, agents, phoneNumbers, customers, publisher);
    }
}
