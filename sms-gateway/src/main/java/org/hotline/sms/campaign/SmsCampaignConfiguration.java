package org.hotline.sms.campaign;

import java.time.Clock;
import javax.sql.DataSource;
import org.hotline.cti.outage.Outages;
import org.hotline.sms.arrears.BillingImport;
import org.hotline.sms.arrears.ReminderTargets;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.notice.OutageNoticeScheduler;
import org.hotline.sms.notice.OutageNotices;
import org.hotline.sms.outbox.QuietWindow;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsSignature;
import org.hotline.sms.template.SmsTemplates;
import org.hotline.sms.template.TextRules;
import org.hotline.sms.web.ApiClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires templates, imports, reminder campaigns, outage notices and the web parts (issue #5 part 2) into any
 * application with a DataSource. Uses the application's {@link SmsOutbox}, {@link SmsCodec} and {@link Clock} when it
 * has them, else its own (the outbox is stateless over the DataSource).
 */
@AutoConfiguration(after = org.hotline.sms.SmsConfiguration.class, afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(SmsCampaignProperties.class)
public class SmsCampaignConfiguration {

    /** The web parts (page endpoints, API for other systems and its security) in servlet applications only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(org.hotline.sms.web.SmsWebConfiguration.class)
    static class Web {
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

    private static SmsCodec codec(ObjectProvider<SmsCodec> codec) {
        return codec.getIfAvailable(() -> new SmsCodec(SmsCodecSettings.DEFAULTS));
    }

    private static SmsOutbox outbox(ObjectProvider<SmsOutbox> outbox, DataSource dataSource,
                                    ObjectProvider<SmsCodec> codec) {
        return outbox.getIfAvailable(() -> new SmsOutbox(dataSource, codec(codec)));
    }

    /** Quiet hours per kind, applied by the outbox to every message queued ({@code quiet-kinds}). */
    @Bean
    public QuietWindow smsQuietWindow(SmsCampaignProperties p) {
        return p.quietWindow();
    }

    /** The signature texts start with: an administrator's, else {@code hotline.sms.campaigns.signature}. */
    @Bean
    @DependsOnDatabaseInitialization
    public SmsSignature smsSignature(DataSource dataSource, SmsCampaignProperties p) {
        return new SmsSignature(new JdbcTemplate(dataSource), p.signature());
    }

    /** Templates, finished by the signature in use and the configured opt-out rules. */
    @Bean
    @DependsOnDatabaseInitialization
    public SmsTemplates smsTemplates(DataSource dataSource, ObjectProvider<SmsCodec> codec,
                                     SmsCampaignProperties p, SmsSignature signature) {
        return new SmsTemplates(new JdbcTemplate(dataSource), codec(codec),
                new TextRules(p.signature(), p.optOutText(), p.optOutKinds(), p.pricePerPart()), signature::get);
    }

    /** Billing and IC-card imports. */
    @Bean
    public BillingImport billingImport(DataSource dataSource, PlatformTransactionManager tx,
                                       SmsCampaignProperties p) {
        return new BillingImport(new JdbcTemplate(dataSource), new TransactionTemplate(tx), p.zone());
    }

    /** Reminder campaigns. */
    @Bean
    public SmsCampaigns smsCampaigns(DataSource dataSource, ObjectProvider<SmsOutbox> outbox,
                                     ObjectProvider<SmsCodec> codec, SmsTemplates templates,
                                     SmsCampaignProperties p, ObjectProvider<Clock> clock) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new SmsCampaigns(jdbc, outbox(outbox, dataSource, codec), templates,
                new ReminderTargets(jdbc, p.zone()), p.quietHours(), clock(clock));
    }

    /** Outage notices (the bench queues through this bean too). */
    @Bean
    @ConditionalOnBean(Outages.class)
    public OutageNotices outageNotices(DataSource dataSource, Outages outages, ObjectProvider<SmsOutbox> outbox,
                                       ObjectProvider<SmsCodec> codec, SmsTemplates templates,
                                       SmsCampaignProperties p, ObjectProvider<Clock> clock) {
        return new OutageNotices(new JdbcTemplate(dataSource), outages, outbox(outbox, dataSource, codec), templates,
                p.quietHours(), p.leadTime(), p.lookBack(), clock(clock));
    }

    /** Runs the outage notices on this node unless {@code hotline.sms.campaigns.notices=false}. */
    @Bean
    @ConditionalOnBean(Outages.class)
    @ConditionalOnProperty(name = "hotline.sms.campaigns.notices", havingValue = "true", matchIfMissing = true)
    public OutageNoticeScheduler outageNoticeScheduler(OutageNotices notices, SmsCampaignProperties p) {
        return new OutageNoticeScheduler(notices, p.noticeInterval());
    }

    /** API clients of {@code /api/sms/v1}. */
    @Bean
    public ApiClients smsApiClients(DataSource dataSource) {
        return new ApiClients(new JdbcTemplate(dataSource));
    }
}
