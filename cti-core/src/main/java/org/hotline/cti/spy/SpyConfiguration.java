package org.hotline.cti.spy;

import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.push.PushBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supervisor listen, whisper and barge; the tracker is taken lazily, as the call controls take it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpyProperties.class)
public class SpyConfiguration {

    /** Listen, whisper, barge over the shared AMI commands. */
    @Bean
    public CallSupervision callSupervision(SpyProperties properties, AgentDirectory directory, AmiCommands commands,
                                           ObjectProvider<CallTracker> tracker, ObjectProvider<PushBus> bus) {
        return new CallSupervision(properties, directory, commands, tracker::getIfAvailable, bus.getIfAvailable());
    }
}
