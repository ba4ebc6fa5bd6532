package org.hotline.cti.control;

import java.time.Clock;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.presence.PresenceProperties;
import org.hotline.cti.push.PushBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent desk state and the call controls. Both take the AMI connection and the tracker lazily: the tracker's
 * listeners include {@link Presence}, so an eager reference would be a cycle.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ControlProperties.class, PresenceProperties.class})
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

    /** The agents' desk states; a telephony listener. */
    @Bean(destroyMethod = "close")
    public Presence presence(PresenceProperties properties, AgentDirectory directory, AmiCommands commands,
                             PushBus bus, ObjectProvider<CallTracker> tracker) {
        return new Presence(properties, directory, commands, bus, tracker::getIfAvailable, Clock.systemUTC());
    }
}
