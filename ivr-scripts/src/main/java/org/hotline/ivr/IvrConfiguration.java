package org.hotline.ivr;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.outage.Outages;
import org.hotline.ivr.internal.FastAgiServer;
import org.hotline.ivr.scripts.ArrearsScript;
import org.hotline.ivr.scripts.FaultReportScript;
import org.hotline.ivr.scripts.HoursScript;
import org.hotline.ivr.scripts.IdentifyScript;
import org.hotline.ivr.scripts.MainMenuScript;
import org.hotline.ivr.scripts.OutageNoticeScript;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * The IVR for a Spring application: the scripts as beans (registered by {@link IvrScript#name()}) and the FastAGI
 * server that runs them ({@code hotline.ivr.enabled}). Bad settings refuse the start with a message naming the setting.
 */
// an auto-configuration, so the application's DataSource, customer directory and outages are seen first
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(IvrProperties.class)
public class IvrConfiguration {

    /** {@code identify}: who is calling. */
    @Bean
    @ConditionalOnBean(CustomerDirectory.class)
    @ConditionalOnMissingBean
    public IdentifyScript identifyScript(CustomerDirectory customers, PhoneNumbers numbers, IvrProperties properties) {
        return new IdentifyScript(customers, numbers, properties);
    }

    /** {@code outage-notice}: the outage on the caller's line, before the queue. */
    @Bean
    @ConditionalOnBean(Outages.class)
    @ConditionalOnMissingBean
    public OutageNoticeScript outageNoticeScript(Outages outages, PhoneNumbers numbers, IvrProperties properties,
                                                 ObjectProvider<Clock> clock) {
        return new OutageNoticeScript(outages, numbers, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** {@code arrears}: what the caller owes, with the payment details by SMS. */
    @Bean
    @ConditionalOnBean({IdentifyScript.class, IvrSms.class})
    @ConditionalOnMissingBean
    public ArrearsScript arrearsScript(IdentifyScript identify, IvrSms sms, PhoneNumbers numbers,
                                       IvrProperties properties, ObjectProvider<Clock> clock) {
        return new ArrearsScript(identify, sms, numbers, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** {@code fault-report}: a repair order from the keypad, its number said and sent by SMS. */
    @Bean
    @ConditionalOnBean({IdentifyScript.class, FaultReports.class, IvrSms.class})
    @ConditionalOnMissingBean
    public FaultReportScript faultReportScript(IdentifyScript identify, FaultReports faults, IvrSms sms,
                                               PhoneNumbers numbers, IvrProperties properties,
                                               ObjectProvider<Clock> clock) {
        return new FaultReportScript(identify, faults, sms, numbers, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    // ---- main-menu and hours (H1)
    /** {@code main-menu}: fault report, arrears or an agent; a script whose ports are not wired is not offered. */
    @Bean
    @ConditionalOnMissingBean
    public MainMenuScript mainMenuScript(ObjectProvider<FaultReportScript> faultReport,
                                         ObjectProvider<ArrearsScript> arrears, IvrProperties properties) {
        return new MainMenuScript(faultReport.getIfAvailable(), arrears.getIfAvailable(), properties);
    }

    /** {@code hours}: open now by the weekly hours and the service calendar, else the after-hours message. */
    @Bean
    @ConditionalOnMissingBean
    public HoursScript hoursScript(ObjectProvider<ServiceCalendar> calendar, DataSource dataSource,
                                   ObjectProvider<FaultReportScript> faultReport, IvrProperties properties,
                                   ObjectProvider<Clock> clock) {
        return new HoursScript(calendar.getIfAvailable(() -> new ServiceCalendar(dataSource)),
                faultReport.getIfAvailable(), properties, clock.getIfAvailable(Clock::systemUTC));
    }
    // ---- end main-menu and hours

    /** The FastAGI server with every script bean. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(prefix = "hotline.ivr", name = "enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public FastAgiServer fastAgiServer(IvrProperties properties, List<IvrScript> scripts, DataSource dataSource,
                                       ObjectProvider<Clock> clock) {
        return new FastAgiServer(properties, scripts, dataSource, clock.getIfAvailable(Clock::systemUTC));
    }
}
