package org.hotline.cti.recording;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.control.AmiCommands;
import org.hotline.cti.recording.internal.RecordingHealthIndicator;
import org.hotline.cti.recording.internal.RecordingJobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Call recording (docs/adr/0030): the store, the agent's pause, the background jobs and the health component. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordingProperties.class)
public class RecordingConfiguration {

    /** The recordings and their folder. */
    @Bean
    @DependsOnDatabaseInitialization
    public CallRecordings callRecordings(DataSource dataSource, RecordingProperties properties) {
        return new CallRecordings(dataSource, Path.of(properties.directory()));
    }

    /** Pause and resume by the agent. */
    @Bean
    public RecordingControl recordingControl(AgentDirectory directory, AmiCommands commands,
                                             ObjectProvider<CallTracker> tracker, CallRecordings recordings) {
        return new RecordingControl(directory, commands, tracker::getIfAvailable, recordings);
    }

    /** The AMI tap, the queue switches' sync and the retention sweep. */
    @Bean(initMethod = "start", destroyMethod = "close")
    public RecordingJobs recordingJobs(CallRecordings recordings, RecordingProperties properties,
                                       AmiCommands commands, ObjectProvider<AmiConnection> connection) {
        RecordingJobs jobs = new RecordingJobs(recordings, properties, commands, connection::getIfAvailable,
                Clock.systemUTC());
        recordings.onSwitchChange(jobs::syncSoon);
        return jobs;
    }

    /** {@code recordings} on {@code /actuator/health}. */
    @Bean
    public RecordingHealthIndicator recordingsHealthIndicator(CallRecordings recordings,
                                                              RecordingProperties properties) {
        return new RecordingHealthIndicator(recordings, properties);
    }
}
