package org.hotline.cti.presence;

import java.time.Clock;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.callrecord.CallDisposition;
import org.hotline.cti.callrecord.CallRecorder;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.push.PushBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agents' desk states and the periodic queue member re-sync. The tracker is taken lazily: its listeners include
 * {@link Presence}, so an eager reference would be a cycle.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PresenceProperties.class)
public class PresenceConfiguration {

    /** The agents' desk states; a telephony listener. */
    @Bean(destroyMethod = "close")
    public Presence presence(PresenceProperties properties, AgentDirectory directory, AmiCommands commands,
                             PushBus bus, ObjectProvider<CallTracker> tracker, DeskRulesStore rules,
                             ObjectProvider<CallRecorder> recorder) {
        Presence presence = new Presence(properties, directory, commands, bus, tracker::getIfAvailable,
                Clock.systemUTC());
        presence.useRules(rules::current);
        // the desks' call outcomes go into the call records (ADR 0036)
        presence.onDisposition(d -> recorder.ifAvailable(r -> r.record(new CallDisposition(new CallId(d.callId()),
                d.queue(), d.agent(), d.code(), d.at()))));
        return presence;
    }

    /** Each queue's wrap-up and the pause reasons as administrators set them; a new database gets the settings'. */
    @Bean
    @DependsOnDatabaseInitialization
    public DeskRulesStore deskRulesStore(DataSource dataSource, PresenceProperties properties) {
        DeskRulesStore store = new DeskRulesStore(dataSource, properties);
        store.seedReasons();
        return store;
    }

    /** The periodic queue member re-sync ({@code hotline.presence.member-resync}). */
    @Bean(initMethod = "start", destroyMethod = "close")
    public MemberResync memberResync(PresenceProperties properties, ObjectProvider<AmiConnection> connection,
                                     ObjectProvider<CallTracker> tracker) {
        return new MemberResync(properties.memberResync(), connection::getIfAvailable, tracker::getIfAvailable);
    }
}
