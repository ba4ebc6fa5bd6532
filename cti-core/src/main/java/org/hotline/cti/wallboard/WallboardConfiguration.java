package org.hotline.cti.wallboard;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.push.PushBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wallboard on the node that consumes AMI (only it sees the live state; frames reach every node through the
 * push bus).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WallboardProperties.class)
public class WallboardConfiguration {

    /** Reads the tracker lazily: the tracker itself is built from the listeners, this one included. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    @ConditionalOnProperty(name = "hotline.ami.enabled", havingValue = "true", matchIfMissing = true)
    public WallboardService wallboardService(WallboardProperties properties, DataSource dataSource,
                                             AgentDirectory directory, ObjectProvider<CallTracker> tracker,
                                             PushBus bus, ObjectProvider<Clock> clock) {
        return new WallboardService(properties, dataSource, directory,
                () -> tracker.getIfAvailable() == null ? List.of() : tracker.getObject().agents(),
                () -> tracker.getIfAvailable() == null ? List.of() : tracker.getObject().calls(),
                bus, clock.getIfAvailable(Clock::systemUTC));
    }
}
