package org.hotline.cti.control;

import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.CallTracker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The call controls and the AMI command sender they share with the desk states. Both take the AMI connection and the
 * tracker lazily: the tracker's listeners include the desk states, so an eager reference would be a cycle.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ControlProperties.class)
public class ControlConfiguration {

    /** AMI actions that wait for their response. */
    @Bean
    public AmiCommands amiCommands(ObjectProvider<AmiConnection> connection, ControlProperties properties) {
        return new AmiCommands(connection::getIfAvailable, properties.commandTimeout());
    }

    /** Dial, hang up, transfer, hold. */
    @Bean
    public CallControl callControl(ControlProperties properties, AgentDirectory directory, AmiCommands commands,
                                   ObjectProvider<CallTracker> tracker) {
        return new CallControl(properties, directory, commands, tracker::getIfAvailable);
    }
}
