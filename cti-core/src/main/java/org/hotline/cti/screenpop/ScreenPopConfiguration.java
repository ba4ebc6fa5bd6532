package org.hotline.cti.screenpop;

import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PushBus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The screen-pop service, listening to the call tracker's events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScreenPopProperties.class)
public class ScreenPopConfiguration {

    /** Builds pops on its own workers and hands them to the pop store and push bus. */
    @Bean(destroyMethod = "close")
    public ScreenPops screenPops(ScreenPopProperties properties, AgentDirectory agents, PhoneNumbers phoneNumbers,
                                 CustomerDirectory customers, PopStore store, PushBus bus) {
        return new ScreenPops(properties, agents, phoneNumbers, customers, store, bus);
    }
}
