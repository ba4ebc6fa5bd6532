package org.hotline.sms.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.sms.campaign.QuietHours;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsTemplates;
import org.hotline.sms.template.TextRules;
import org.springframework.jdbc.core.JdbcTemplate;

/** A migrated database with demo customers and the SMS parts over it, one per test class. */
public final class SmsTestDatabase implements AutoCloseable {

    /** The data's "now": a Monday 10:00 in Shanghai. */
    public static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    /** The zone of quiet hours. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 21:00-08:00 Shanghai. */
    public static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);
    /** Signature 【测试供电】, opt-out text for arrears and general, 0.05 per part. */
    public static final TextRules RULES = new TextRules("【测试供电】", "回TD退订", Set.of(SmsKind.ARREARS,
            SmsKind.GENERAL), new BigDecimal("0.05"));

    public final HikariDataSource pool;
    public final JdbcTemplate jdbc;
    public final SmsCodec codec = new SmsCodec(SmsCodecSettings.DEFAULTS);
    public final SmsOutbox outbox;
    public final SmsTemplates templates;

    /** A fresh database with {@code customers} demo customers. */
    public SmsTestDatabase(int customers) {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        new DemoDataGenerator().generate(pool, customers, 7L, NOW);
        jdbc = new JdbcTemplate(pool);
        outbox = new SmsOutbox(pool, codec);
        templates = new SmsTemplates(jdbc, codec, RULES);
    }

    @Override
    public void close() {
        pool.close();
    }
}
