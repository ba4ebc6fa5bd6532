package org.hotline.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.outage.NewOutage;
import org.hotline.cti.outage.OutageDesk;
import org.hotline.cti.outage.OutageKind;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.ivr.FaultReports;
import org.hotline.ivr.IvrSms;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsTemplates;
import org.hotline.sms.template.TextRules;
import org.hotline.workorder.WorkOrderProperties;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The IVR's ports as the server wires them: texts into the SMS outbox, fault reports into work orders. */
class IvrWiringIntegrationTests {

    // Monday 7 December 2026, 10:00 in Shanghai
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;
    private static SmsTemplates templates;
    private static IvrSmsOutbox sms;
    private static IvrFaultOrders faults;
    private static long customer;
    private static long premises;
    private static long premisesWithoutCentre;
    private static long premisesInOutage;

    @BeforeAll
    static void database() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(pool);
        SmsCodec codec = new SmsCodec(SmsCodecSettings.DEFAULTS);
        templates = new SmsTemplates(jdbc, codec, new TextRules("【测试供电】", "回TD退订", Set.of(SmsKind.ARREARS),
                new BigDecimal("0.05")));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        sms = new IvrSmsOutbox(new SmsOutbox(pool, codec), templates, new PhoneNumbers(PhoneProperties.defaults()),
                SHANGHAI, clock);
        faults = new IvrFaultOrders(new WorkOrders(pool, WorkOrderProperties.defaults(), clock), "repair");
        long centre = id("insert into repair_centres (code, name, phone) values ('IR1', '城东抢修中心', '0571-1') returning id");
        long sub = id("insert into substations (code, name) values ('IS1', '东站') returning id");
        id("insert into feeder_lines (code, name, substation_id, repair_centre_id) values ('IL1', '东1线', ?, ?) "
                + "returning id", sub, centre);
        id("insert into feeder_lines (code, name, substation_id) values ('IL2', '东2线', ?) returning id", sub);
        id("insert into transformer_areas (code, name, feeder_line_id) values ('IA1', '建设路1号', "
                + "(select id from feeder_lines where code = 'IL1')) returning id");
        id("insert into transformer_areas (code, name, feeder_line_id) values ('IA2', '建设路2号', "
                + "(select id from feeder_lines where code = 'IL2')) returning id");
        id("insert into transformer_areas (code, name, feeder_line_id) values ('IA3', '建设路3号', "
                + "(select id from feeder_lines where code = 'IL1')) returning id");
        long address = id("insert into addresses (full_text) values ('建设路') returning id");
        premisesInOutage = id("insert into premises (address_id, transformer_area_id) values (?, "
                + "(select id from transformer_areas where code = 'IA3')) returning id", address);
        premises = id("insert into premises (address_id, transformer_area_id) values (?, "
                + "(select id from transformer_areas where code = 'IA1')) returning id", address);
        premisesWithoutCentre = id("insert into premises (address_id, transformer_area_id) values (?, "
                + "(select id from transformer_areas where code = 'IA2')) returning id", address);
        customer = id("insert into customers (customer_no, name, kind) values ('IC1', '张三', 'residential') returning id");
        jdbc.update("insert into accounts (account_no, customer_id, premises_id) values ('2000000001', ?, ?), "
                + "('2000000002', ?, ?)", customer, premises, customer, premisesWithoutCentre);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static IvrSms.Request arrears(String key, String number) {
        return new IvrSms.Request(key, number, IvrSms.Purpose.ARREARS_PAYMENT, Map.of("accountNo", "2000000001",
                "amount", "123.05", "dueDate", "2026-12-20"));
    }

    private static String body(String key) {
        return jdbc.queryForObject("select body from sms_messages where dedupe_key = ?", String.class, key);
    }

    @Test
    void anArrearsTextIsQueuedOnceWithTheSignatureAndTheDueDateSaidTheChineseWay() {
        assertThat(sms.send(arrears("ivr-arrears:1.1:2000000001", "13800000001"))).isEqualTo(IvrSms.Outcome.QUEUED);
        assertThat(sms.send(arrears("ivr-arrears:1.1:2000000001", "13800000001"))).isEqualTo(IvrSms.Outcome.QUEUED);
        assertThat(jdbc.queryForObject("select count(*) from sms_messages where dedupe_key = 'ivr-arrears:1.1:2000000001'",
                Integer.class)).isEqualTo(1);
        assertThat(body("ivr-arrears:1.1:2000000001")).startsWith("【测试供电】").contains("123.05元", "12月20日前")
                .endsWith("回TD退订");
    }

    @Test
    void anAdministratorsTemplateNamedAfterThePurposeIsUsedInsteadOfTheBuiltInText() {
        templates.save("ivr-fault-reported", SmsKind.WORK_ORDER, "报修单{orderNo}已受理。", "admin");
        sms.send(new IvrSms.Request("ivr-fault:1.2:WO1", "13800000002", IvrSms.Purpose.FAULT_REPORTED,
                Map.of("orderNo", "WO20261207-000001")));
        assertThat(body("ivr-fault:1.2:WO1")).isEqualTo("【测试供电】报修单WO20261207-000001已受理。");
    }

    @Test
    void anOutageTextSaysTheRestoreTimeInTheCompanysZone() {
        sms.send(new IvrSms.Request("ivr-fault:1.3:TD1", "13800000003", IvrSms.Purpose.FAULT_IN_OUTAGE,
                Map.of("outageNo", "TD20261207-01", "end", "2026-12-08T07:30:00Z")));
        assertThat(body("ivr-fault:1.3:TD1")).contains("TD20261207-01", "12月8日15:30");
    }

    @Test
    void anOptedOutNumberAndALandlineGetNothing() {
        jdbc.update("insert into sms_opt_outs (number, kind, source) values ('13800000004', 'arrears', 'mo')");
        assertThat(sms.send(arrears("ivr-arrears:1.4:x", "13800000004"))).isEqualTo(IvrSms.Outcome.OPTED_OUT);
        assertThat(sms.send(arrears("ivr-arrears:1.5:x", "02112345678"))).isEqualTo(IvrSms.Outcome.NOT_A_MOBILE);
        assertThat(jdbc.queryForObject("select count(*) from sms_messages where dedupe_key in "
                + "('ivr-arrears:1.4:x', 'ivr-arrears:1.5:x') and status = 'queued'", Integer.class)).isZero();
    }

    @Test
    void aFaultBecomesARepairOrderOfTheCallAndASecondReportOnThePremisesFindsIt() {
        FaultReports.Result first = faults.report(new FaultReports.Report("1700000077.1", customer, premises,
                "13800000001", FaultReports.Kind.NO_POWER));
        assertThat(first).isInstanceOf(FaultReports.Created.class);
        String orderNo = ((FaultReports.Created) first).orderNo();
        Map<String, Object> order = jdbc.queryForMap("select call_id, type, summary, awaiting_point, caller_number "
                + "from work_orders where order_no = ?", orderNo);
        assertThat(order).containsEntry("call_id", "1700000077.1").containsEntry("type", "repair")
                .containsEntry("summary", "IVR报修：全户停电").containsEntry("awaiting_point", "A")
                .containsEntry("caller_number", "13800000001");
        assertThat(faults.report(new FaultReports.Report("1700000077.2", customer, premises, "13800000001",
                FaultReports.Kind.OTHER))).isEqualTo(new FaultReports.AlreadyOpen(orderNo));
    }

    @Test
    void aFaultUnderAnOutageNamesTheOutageAndPremisesWithoutACentreAreRefusedWithTheReason() {
        // an area outage, so the other tests' premises on the same line stay out of it
        new OutageDesk(pool, Clock.fixed(NOW, ZoneOffset.UTC)).declare(new NewOutage(OutageKind.UNPLANNED, null, "IA3",
                "台区故障", NOW.minus(Duration.ofMinutes(30)), NOW.plus(Duration.ofHours(5))), "sup");
        FaultReports.Result r = faults.report(new FaultReports.Report("1700000077.3", customer, premisesInOutage,
                "13800000001", FaultReports.Kind.NO_POWER));
        assertThat(r).isInstanceOfSatisfying(FaultReports.InOutage.class,
                o -> assertThat(o.expectedEndAt()).isEqualTo(NOW.plus(Duration.ofHours(5))));
        assertThat(faults.report(new FaultReports.Report("1700000077.4", customer, premisesWithoutCentre,
                "13800000001", FaultReports.Kind.NO_POWER))).isInstanceOfSatisfying(FaultReports.Refused.class,
                x -> assertThat(x.reason()).contains("no repair centre"));
    }
}
