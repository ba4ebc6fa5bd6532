package org.hotline.sms;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import javax.sql.DataSource;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.outbox.OutboxMeters;
import org.hotline.sms.outbox.QuietWindow;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.outbox.SmsSender;
import org.hotline.sms.outbox.SmscHealthIndicator;
import org.hotline.sms.outbox.SourceExtensions;
import org.hotline.sms.smpp.SmscProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/** The SMS gateway for a Spring application: the codec, the outbox and, when an SMSC is configured, the sender. */
// an auto-configuration, so its @ConditionalOnMissingBean sees the application's own beans first
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({SmscProperties.class, SenderSettings.class, SmsEncodingProperties.class,
        SourceExtensions.class})
public class SmsConfiguration {

    /** The codec with {@code hotline.sms.encoding.*} (emoji kept as UTF-16, unpacked GSM-7, 10 parts by default). */
    @Bean
    @ConditionalOnMissingBean
    public SmsCodec smsCodec(SmsEncodingProperties encoding) {
        return new SmsCodec(encoding.codecSettings());
    }

    /** Queues messages durably. */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public SmsOutbox smsOutbox(DataSource dataSource, SmsCodec codec, ObjectProvider<QuietWindow> quiet,
                               SmscProperties smscs, SourceExtensions extensions) {
        // the campaigns' configuration defines the quiet hours per kind; they apply to every path into the outbox
        return new SmsOutbox(dataSource, codec, quiet.getIfAvailable(() -> QuietWindow.NONE), smscs, extensions);
    }

    /** The outbox gauges ({@code hotline.sms.*}), counted at most every 10 s whatever the scrape rate. */
    @Bean
    public MeterBinder smsOutboxMeters(SmsOutbox outbox) {
        return new OutboxMeters(outbox::backlog, OutboxMeters.MAX_AGE);
    }

    /** Sends the outbox through the configured SMSCs (none configured: no sender, messages wait queued). */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(prefix = "hotline.sms.smsc[0]", name = "host")
    @DependsOnDatabaseInitialization
    public SmsSender smsSender(DataSource dataSource, SmsCodec codec, SmscProperties smscs, SenderSettings settings,
                               ObjectProvider<QuietWindow> quiet, SourceExtensions extensions) {
        return new SmsSender(dataSource, codec, smscs, settings, quiet.getIfAvailable(() -> QuietWindow.NONE),
                extensions);
    }

    /** Per account, the messages it accepted ({@code hotline.sms.sent}, tag {@code account}). */
    @Bean
    @ConditionalOnProperty(prefix = "hotline.sms.smsc[0]", name = "host")
    public MeterBinder smsSentMeters(SmsSender sender) {
        return registry -> sender.carriers().keySet().forEach(account -> FunctionCounter
                .builder("hotline.sms.sent", sender, s -> s.sentCounts().getOrDefault(account, 0L))
                .tag("account", account).description("SMS accepted by this SMSC account since the start")
                .register(registry));
    }

    /** The SMSC binds in health ({@code smsc}): DOWN after {@code unbound-grace} without a bind, or misconfigured. */
    @Bean
    @ConditionalOnProperty(prefix = "hotline.sms.smsc[0]", name = "host")
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    public SmscHealthIndicator smscHealthIndicator(SmsSender sender, SenderSettings settings,
                                                   ObjectProvider<Clock> clock, SmsOutbox outbox) {
        return new SmscHealthIndicator(sender, settings.unboundGrace(), clock.getIfAvailable(Clock::systemUTC))
                .withNoRoute(outbox::noRoute);
    }
}
