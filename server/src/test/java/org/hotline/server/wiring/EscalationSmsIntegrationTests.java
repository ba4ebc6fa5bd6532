package org.hotline.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.sms.campaign.QuietHours;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.workorder.AlarmView;
import org.hotline.workorder.ManagerNotifier.Outcome;
import org.hotline.workorder.Party;
import org.hotline.workorder.Point;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class EscalationSmsIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);
    // Monday 10:00 and 23:00 in Shanghai
    private static final Instant DAY = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant NIGHT = Instant.parse("2026-11-23T15:00:00Z");

    private static HikariDataSource pool;
    private static SmsOutbox outbox;

    @BeforeAll
    static void database() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        outbox = new SmsOutbox(pool, new SmsCodec(SmsCodecSettings.DEFAULTS));
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static EscalationSms at(Instant now) {
        return new EscalationSms(outbox, "【测试供电】", QUIET, new PhoneNumbers(new PhoneProperties("0571", "")),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static AlarmView alarm(long id) {
        return new AlarmView(id, 7, "WO20261123-000007", "escalation", Point.F, "班组接单 team accepts", Party.TEAM,
                DAY.minusSeconds(60), DAY, false, 1, null, null, null);
    }

    @Test
    void anEscalationQueuesOneMessagePerMobileManagerOnceEvenIfRetried() {
        List<String> phones = List.of("13800000001", "+86 138 0000 0002", "0571-87654321");
        assertThat(at(DAY).notifyManagers(alarm(1), "抢修二班", phones)).isEqualTo(Outcome.SENT);
        assertThat(at(DAY).notifyManagers(alarm(1), "抢修二班", phones)).isEqualTo(Outcome.SENT);
        List<Map<String, Object>> rows = new JdbcTemplate(pool).queryForList(
                "select destination, body, kind from sms_messages where dedupe_key like 'workorder-alarm:1:%' order by 1");
        assertThat(rows).extracting(r -> r.get("destination")).containsExactly("13800000001", "13800000002");
        assertThat(rows.get(0).get("kind")).isEqualTo("escalation");
        assertThat((String) rows.get(0).get("body")).startsWith("【测试供电】").contains("WO20261123-000007")
                .contains("抢修二班").contains("09:59");
    }

    @Test
    void duringQuietHoursNothingIsQueuedAndTheOutcomeSaysWhy() {
        assertThat(at(NIGHT).notifyManagers(alarm(2), "抢修二班", List.of("13800000003"))).isEqualTo(Outcome.QUIET_HOURS);
        assertThat(new JdbcTemplate(pool).queryForObject(
                "select count(*) from sms_messages where dedupe_key like 'workorder-alarm:2:%'", Integer.class)).isZero();
    }

    @Test
    void managersWithoutAMobileGetNoSms() {
        assertThat(at(DAY).notifyManagers(alarm(3), "抢修二班", List.of("0571-87654321"))).isEqualTo(Outcome.NOT_SENT);
    }
}
