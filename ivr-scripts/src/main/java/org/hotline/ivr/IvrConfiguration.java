package org.hotline.ivr;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.calendar.OpeningHours;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallTracker;
import org.hotline.cti.call.CallView;
import org.hotline.cti.callback.Callbacks;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.outage.Outages;
import org.hotline.cti.survey.SatisfactionSurveys;
import org.hotline.cti.wallboard.QueueForecast;
import org.hotline.cti.wallboard.WallboardService;
import org.hotline.ivr.internal.FastAgiServer;
import org.hotline.ivr.scripts.ArrearsScript;
import org.hotline.ivr.scripts.CallbackRequestScript;
import org.hotline.ivr.scripts.FaultReportScript;
import org.hotline.ivr.scripts.HoursScript;
import org.hotline.ivr.scripts.IdentifyScript;
import org.hotline.ivr.scripts.MainMenuScript;
import org.hotline.ivr.scripts.OutageNoticeScript;
import org.hotline.ivr.scripts.QueueCallbacks;
import org.hotline.ivr.scripts.QueueOfferScript;
import org.hotline.ivr.scripts.SurveyScript;
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

    /**
     * The weekly hours of the settings ({@code hotline.ivr.hours.*}): they apply to the days no administrator set, and
     * the service calendar's page shows them as such.
     */
    @Bean
    @ConditionalOnMissingBean
    public OpeningHours settingsOpeningHours(IvrProperties properties) {
        return properties.hours().rule();
    }

    /** Callbacks booked from the IVR, the caller's place read from the call tracker (looked up per call). */
    @Bean
    @ConditionalOnBean(Callbacks.class)
    @ConditionalOnMissingBean
    public QueueCallbacks queueCallbacks(Callbacks callbacks, PhoneNumbers numbers,
                                         ObjectProvider<CallTracker> tracker, ObjectProvider<Clock> clock) {
        return new QueueCallbacks(callbacks, numbers, callId -> {
            CallTracker t = tracker.getIfAvailable();
            return t == null ? java.util.Optional.empty()
                    : t.call(new CallId(callId)).map(CallView::queuedAt);
        }, clock.getIfAvailable(Clock::systemUTC));
    }

    /** {@code queue-offer}: the predicted wait from the wallboard's live counts, and a callback keeping the place. */
    @Bean
    @ConditionalOnBean(QueueCallbacks.class)
    @ConditionalOnMissingBean
    public QueueOfferScript queueOfferScript(QueueCallbacks callbacks, ObjectProvider<WallboardService> wallboard,
                                             IvrProperties properties) {
        // the wallboard runs on the node that consumes AMI; elsewhere nothing is known and no wait is said
        return new QueueOfferScript(callbacks, queue -> {
            WallboardService w = wallboard.getIfAvailable();
            return w == null ? QueueForecast.unknown(queue) : w.forecast(queue);
        }, properties);
    }

    /** {@code callback-request}: the queue's exit key books a callback keeping the place. */
    @Bean
    @ConditionalOnBean(QueueCallbacks.class)
    @ConditionalOnMissingBean
    public CallbackRequestScript callbackRequestScript(QueueCallbacks callbacks) {
        return new CallbackRequestScript(callbacks);
    }

    /** {@code survey}: the caller's score after the agent hung up. */
    @Bean
    @ConditionalOnBean(SatisfactionSurveys.class)
    @ConditionalOnMissingBean
    public SurveyScript surveyScript(SatisfactionSurveys surveys, IvrProperties properties,
                                     ObjectProvider<Clock> clock) {
        return new SurveyScript(surveys, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** {@code hotline.ivr.sessions}: FastAGI sessions running a script now (a channel the server holds). */
    @Bean
    public MeterBinder ivrSessionMeters(ObjectProvider<FastAgiServer> server) {
        return registry -> server.ifAvailable(s -> Gauge.builder("hotline.ivr.sessions", s, FastAgiServer::activeSessions)
                .description("FastAGI sessions running a script now").register(registry));
    }

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
