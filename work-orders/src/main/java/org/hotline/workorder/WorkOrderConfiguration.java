package org.hotline.workorder;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import javax.sql.DataSource;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.workorder.internal.Json;
import org.springframework.beans.factory.InitializingBean;
import org.hotline.workorder.internal.AlarmScheduler;
import org.hotline.workorder.internal.TimerMeters;
import org.hotline.workorder.internal.WorkOrderWebParts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Work orders for a Spring application: the service, the alarm scheduler (when a push bus is there) and the REST
 * API under {@code /api/work-orders}. Bad settings refuse the start with a message naming the setting.
 */
// an auto-configuration, so the application's DataSource, PushBus, Clock and ManagerNotifier are seen first
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({WorkOrderProperties.class, CrewAppProperties.class})
public class WorkOrderConfiguration {

    /** The work-order service. */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public WorkOrders workOrders(DataSource dataSource, WorkOrderProperties properties, ObjectProvider<Clock> clock,
                                 ObjectProvider<PopStore> pops) {
        return new WorkOrders(dataSource, properties, clock.getIfAvailable(Clock::systemUTC), pops.getIfAvailable());
    }

    /** The work-order reports (stages against their limits, the promise, minutes lost per unit). */
    @Bean
    @ConditionalOnMissingBean
    public WorkOrderReports workOrderReports(DataSource dataSource, WorkOrders orders) {
        return new WorkOrderReports(dataSource, orders);
    }

    /** Crew tokens, issued and revoked by administrators. */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public CrewTokens crewTokens(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new CrewTokens(dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    /** The crew app's actions. */
    @Bean
    @ConditionalOnMissingBean
    public CrewApp crewApp(DataSource dataSource, WorkOrders orders, CrewAppProperties properties,
                           ObjectProvider<PushBus> bus, ObjectProvider<Clock> clock) {
        return new CrewApp(dataSource, orders, properties, bus.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** Revisits after "done": listens to the orders from the start, and sweeps for revisits a crash left out. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public Revisits revisits(DataSource dataSource, WorkOrders orders, WorkOrderProperties properties,
                             ObjectProvider<Clock> clock) {
        return new Revisits(dataSource, orders, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Pushes every revisit that appeared or changed to every agent's desk (the 回访 list). */
    @Bean
    @ConditionalOnBean(PushBus.class)
    public InitializingBean revisitPush(Revisits revisits, PushBus bus) {
        return () -> revisits.onChange(v -> bus.publish(PushMessage.AGENTS, RevisitView.PUSH_TYPE, Json.write(v)));
    }

    /** Fires the durable timers and pushes alarms to supervisors and dispatchers. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnBean(PushBus.class)
    @DependsOnDatabaseInitialization
    public AlarmScheduler workOrderAlarmScheduler(DataSource dataSource, WorkOrders orders, PushBus bus,
                                                  ObjectProvider<ManagerNotifier> notifier,
                                                  WorkOrderProperties properties, ObjectProvider<Clock> clock) {
        return new AlarmScheduler(dataSource, orders, bus, notifier.getIfAvailable(), properties.timers(),
                properties.smsKinds(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** The timers' meters ({@code hotline.workorder.*}) when the scheduler runs here. */
    @Bean
    public MeterBinder workOrderTimerMeters(ObjectProvider<AlarmScheduler> scheduler) {
        return registry -> scheduler.ifAvailable(s -> new TimerMeters(s).bindTo(registry));
    }

    /** Pushes every committed order change to the supervisors' topic, so open pages update without polling. */
    @Bean
    @ConditionalOnBean(PushBus.class)
    public InitializingBean workOrderChangePush(WorkOrders orders, PushBus bus) {
        return () -> orders.onChange(changed -> bus.publish(PushMessage.SUPERVISORS, WorkOrderChanged.PUSH_TYPE,
                Json.write(changed)));
    }

    /** The REST API in servlet applications only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(WorkOrderWebParts.class)
    static class Web {
    }
}
