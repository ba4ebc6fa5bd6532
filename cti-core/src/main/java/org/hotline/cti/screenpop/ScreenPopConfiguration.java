package org.hotline.cti.screenpop;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.screenpop.internal.PopTiming;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The screen-pop service, listening to the call tracker's events, and its meters ({@code hotline.pop.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScreenPopProperties.class)
public class ScreenPopConfiguration {

    /**
     * Builds pops on its own workers and hands them to the publisher (the push capability's {@code PopPublisher});
     * ring-to-pop latencies go to the meter registry when there is one.
     */
    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    public ScreenPops screenPops(ScreenPopProperties properties, AgentDirectory agents, PhoneNumbers phoneNumbers,
                                 CustomerDirectory customers, Consumer<ScreenPop> publisher,
                                 ObjectProvider<AmiConnection> ami, ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfUnique();
        LongConsumer latency = meters == null ? nanos -> { } : PopTiming.latency(meters);
        // the AMI connection is looked up at the first ring: it is built after this service (its listener's listener)
        return new ScreenPops(properties, agents, phoneNumbers, customers, publisher,
                PopTiming.amiArrival(ami::getIfAvailable), latency);
    }

    /** {@code hotline.pop.published}, {@code .unmapped.interfaces} and {@code .lookup.failures}. */
    @Bean
    public MeterBinder screenPopMeters(ScreenPops screenPops) {
        return PopTiming.counters(screenPops);
    }
}
