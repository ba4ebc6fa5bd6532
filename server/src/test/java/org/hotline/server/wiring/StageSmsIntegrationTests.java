package org.hotline.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.Subscription;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.cti.testing.TestClock;
import org.hotline.sms.campaign.QuietHours;
import org.hotline.sms.message.MessageIdFormat;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.outbox.SmsSender;
import org.hotline.sms.smpp.SmscProperties;
import org.hotline.smscsim.ReceivedSms;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;
import org.hotline.workorder.CreateWorkOrder;
import org.hotline.workorder.Party;
import org.hotline.workorder.PointSource;
import org.hotline.workorder.WorkOrderProperties;
import org.hotline.workorder.WorkOrderProperties.StageSettings;
import org.hotline.workorder.WorkOrderProperties.TypeSettings;
import org.hotline.workorder.WorkOrders;
import org.hotline.workorder.internal.AlarmScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stage warnings and alarms by SMS where a type asks for them (the water company's two-level reminders): from the
 * scheduler through {@link EscalationSms}, the outbox and the sender to the SMSC simulator, with the escalation's
 * quiet hours and stale cut-off; types that do not ask stay desktop-only.
 */
class StageSmsIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // Monday 10:00 and 22:00 in Shanghai
    private static final Instant DAY = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant NIGHT = Instant.parse("2026-11-23T14:00:00Z");
    private static final SmsCodec CODEC = new SmsCodec(SmsCodecSettings.DEFAULTS);

    private HikariDataSource pool;
    private JdbcTemplate jdbc;
    private TestClock clock;
    private WorkOrders orders;
    private AlarmScheduler scheduler;
    private long customer;

    @BeforeEach
    void setUp() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(pool);
        long rc = id("insert into repair_centres (code, name, phone) values ('W1', '城东供水所', '0571-1') returning id");
        long sub = id("insert into substations (code, name) values ('S1', '东站') returning id");
        long line = id("insert into feeder_lines (code, name, substation_id, repair_centre_id) values ('L1', '东1线', ?, ?)"
                + " returning id", sub, rc);
        long area = id("insert into transformer_areas (code, name, feeder_line_id) values ('TA1', '建设南路', ?) "
                + "returning id", line);
        long address = id("insert into addresses (full_text) values ('杭州市建设南路1号') returning id");
        long premises = id("insert into premises (address_id, transformer_area_id) values (?, ?) returning id",
                address, area);
        customer = id("insert into customers (customer_no, name, kind) values ('C1', '张三', 'residential') returning id");
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values ('C1-1', ?, ?)", customer,
                premises);
        // the repair centre's own desk answers for the order until a team takes it
        jdbc.update("insert into work_order_units (code, name, kind, repair_centre_id, manager1_name, manager1_phone, "
                + "manager2_name, manager2_phone) values ('W1', '城东供水所', 'repair_centre', ?, '王', '13800000011', '李', "
                + "'13800000012')", rc);
        clock = new TestClock(DAY);
        StageSettings dispatch = new StageSettings("派单 dispatched", Party.HOTLINE, "10m", null);
        StageSettings onSite = new StageSettings("到场 on site", Party.REPAIR_CENTRE, "60m", null);
        WorkOrderProperties properties = new WorkOrderProperties(Map.of(
                "water_repair", new TypeSettings("抢修 water repair", "受理 received", List.of(dispatch, onSite), null,
                        null, null, List.of("warning", "alarm")),
                "water_quiet", new TypeSettings("抢修 water repair", "受理 received", List.of(dispatch, onSite), null,
                        null, null, null)), null, null);
        orders = new WorkOrders(pool, properties, clock);
        QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);
        EscalationSms sms = new EscalationSms(new SmsOutbox(pool, CODEC), "【测试水务】", quiet,
                new PhoneNumbers(new PhoneProperties("0571", "")), clock);
        scheduler = new AlarmScheduler(pool, orders, new NoPushBus(), sms, properties.timers(), properties.smsKinds(),
                clock);
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long order(String type, Instant at) {
        return orders.create(new CreateWorkOrder(type, null, customer, null, "13900000000", "停水", at, null, true,
                "agent1001", PointSource.DESK)).id();
    }

    private List<Map<String, Object>> alarms(long order) {
        return jdbc.queryForList("select kind, sms_status from work_order_alarms where order_id = ? order by id", order);
    }

    @Test
    void theStageWarningAndAlarmReachTheUnitsManagersThroughTheSmscOnceEach() throws Exception {
        long order = order("water_repair", DAY);
        long quietType = order("water_quiet", DAY);
        clock.set(DAY.plus(Duration.ofMinutes(7).plusSeconds(30)));
        scheduler.tick();
        scheduler.tick();
        clock.set(DAY.plus(Duration.ofMinutes(10)));
        scheduler.tick();
        assertThat(alarms(order)).extracting(r -> r.get("kind") + ":" + r.get("sms_status"))
                .containsExactly("warning:sent", "alarm:sent");
        // a type without stage SMS: the same timers reach the desktop only
        assertThat(alarms(quietType)).extracting(r -> r.get("kind") + ":" + r.get("sms_status"))
                .containsExactly("warning:null", "alarm:null");
        try (SmscSimulator sim = SmscSimulator.start(SmscSimulatorConfig.defaults());
             SmsSender sender = new SmsSender(pool, CODEC, new SmscProperties(List.of(
                     SmscProperties.Smsc.of("a", "127.0.0.1", sim.port(), "hotline", "secret")
                             .withIdFormats(MessageIdFormat.HEX, MessageIdFormat.HEX))),
                     SenderSettings.defaults().withInDoubt(Duration.ofSeconds(4), Duration.ofMillis(200)))) {
            sender.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> sim.messages().size() >= 4);
            List<ReceivedSms> got = sim.messages();
            assertThat(got).extracting(ReceivedSms::destination)
                    .containsExactlyInAnyOrder("13800000011", "13800000012", "13800000011", "13800000012");
            String orderNo = jdbc.queryForObject("select order_no from work_orders where id = ?", String.class, order);
            assertThat(got).extracting(ReceivedSms::text).allSatisfy(t -> assertThat(t).startsWith("【测试水务】")
                    .contains(orderNo, "城东供水所", "派单").doesNotContain("dispatched"));
            assertThat(got).extracting(ReceivedSms::text).anySatisfy(t -> assertThat(t).contains("即将超时"))
                    .anySatisfy(t -> assertThat(t).contains("已于10:10超时"));
            assertThat(sim.countsByDestinationAndText().values()).containsOnly(1);
        }
    }

    @Test
    void quietHoursHoldTheSmsButNotTheDesktopAndAStaleTimerSendsNone() {
        // a server that was down all morning: the timers fire late and send nothing stale
        long stale = order("water_repair", DAY.minus(Duration.ofHours(3)));
        assertThat(scheduler.tick()).isEqualTo(2);
        assertThat(alarms(stale)).extracting(r -> r.get("kind") + ":" + r.get("sms_status"))
                .containsExactly("warning:skipped_stale", "alarm:skipped_stale");
        clock.set(NIGHT);
        long night = order("water_repair", NIGHT);
        clock.set(NIGHT.plus(Duration.ofMinutes(10)));
        scheduler.tick();
        assertThat(alarms(night)).extracting(r -> r.get("kind") + ":" + r.get("sms_status"))
                .containsExactly("warning:quiet_hours", "alarm:quiet_hours");
        assertThat(jdbc.queryForObject("select count(*) from sms_messages", Integer.class)).isZero();
    }

    /** Pushes go nowhere: this test reads the alarm rows and the SMSC. */
    private static final class NoPushBus implements PushBus {
        private final AtomicLong sequence = new AtomicLong();

        @Override
        public String nodeId() {
            return "node-1";
        }

        @Override
        public void publish(PushMessage message) {
        }

        @Override
        public PushMessage publish(String target, String type, String payload) {
            return new PushMessage(target, type, payload, "node-1", sequence.incrementAndGet());
        }

        @Override
        public Subscription subscribe(java.util.function.Predicate<PushMessage> wanted, Consumer<PushMessage> handler,
                                      Runnable onGap) {
            throw new UnsupportedOperationException("nothing subscribes here");
        }
    }
}
