package org.hotline.sms;

import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.outbox.OutboxMeters;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.outbox.SmsSender;
import org.hotline.sms.smpp.SmscProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/** The SMS gateway for a Spring application: the codec, the outbox and, when an SMSC is configured, the sender. */
// an auto-configuration, so its @ConditionalOnMissingBean sees the application's own beans first
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({SmscProperties.class, SenderSettings.class})
public class SmsConfiguration {

    /** The codec with its defaults (REPLACE, unpacked GSM-7, 10 parts). */
    @Bean
    @ConditionalOnMissingBean
    public SmsCodec smsCodec() {
        return new SmsCodec(SmsCodecSettings.DEFAULTS);
    }

    /** Queues messages durably. */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public SmsOutbox smsOutbox(DataSource dataSource, SmsCodec codec) {
        return new SmsOutbox(dataSource, codec);
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
    public SmsSender smsSender(DataSource dataSource, SmsCodec codec, SmscProperties smscs, SenderSettings settings) {
        return new SmsSender(dataSource, codec, smscs, settings);
    }
}
