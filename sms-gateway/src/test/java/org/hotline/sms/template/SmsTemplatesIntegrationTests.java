package org.hotline.sms.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.testing.SmsTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmsTemplatesIntegrationTests {

    private static SmsTestDatabase db;

    @BeforeAll
    static void start() {
        db = new SmsTestDatabase(20);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void renderFillsFieldsAndAddsSignatureAndOptOutForArrears() {
        SmsTemplate t = db.templates.save("arrears-test", SmsKind.ARREARS,
                "尊敬的{name}，您户号{accountNo}欠费{amount}元，请于{dueDate}前缴纳。", "supervisor");

        String text = db.templates.render(t, Map.of("name", "张三", "accountNo", "2024001", "amount", "120.50",
                "dueDate", "2026-12-01"));

        assertThat(text).isEqualTo("【测试供电】尊敬的张三，您户号2024001欠费120.50元，请于2026-12-01前缴纳。回TD退订");
        assertThat(db.templates.find("arrears-test")).get().extracting(SmsTemplate::body).isEqualTo(t.body());
    }

    @Test
    void aFreshInstallationShipsTemplatesForArrearsOutagesRestorationAndWorkOrderConfirmation() {
        Map<String, SmsKind> shipped = Map.of("arrears", SmsKind.ARREARS, "outage-planned", SmsKind.OUTAGE,
                "outage-unplanned", SmsKind.OUTAGE, "outage-extended", SmsKind.OUTAGE, "outage-restored",
                SmsKind.OUTAGE, "work-order-confirmed", SmsKind.WORK_ORDER);
        Map<String, String> fields = Map.ofEntries(Map.entry("name", "张三"), Map.entry("accountNo", "2024001"),
                Map.entry("period", "2026-11"), Map.entry("amount", "88.50"), Map.entry("daysOverdue", "20"),
                Map.entry("dueDate", "12月20日"), Map.entry("reason", "线路检修"), Map.entry("area", "城东1号台区"),
                Map.entry("start", "12月8日08:00"), Map.entry("end", "12月8日18:00"), Map.entry("outageNo", "TD-1"),
                Map.entry("restored", "12月8日17:30"), Map.entry("orderNo", "WO-7"));

        shipped.forEach((name, kind) -> {
            SmsTemplate t = db.templates.find(name).orElseThrow(() -> new AssertionError("not shipped: " + name));
            assertThat(t.kind()).as(name).isEqualTo(kind);
            assertThat(SmsTemplate.KNOWN_FIELDS).as(name).containsAll(t.fields());
            assertThat(db.templates.render(t, fields)).as(name).startsWith("【测试供电】").doesNotContain("{", "}");
        });
        assertThat(db.templates.render(db.templates.find("arrears").orElseThrow(), fields))
                .contains("2024001", "88.50元已逾期20天").endsWith("回TD退订");
    }

        @Test
    void outageTextsCarryTheSignatureButNoOptOutText() {
        SmsTemplate t = new SmsTemplate(null, "o", SmsKind.OUTAGE, "{area}停电", "x", null);

        assertThat(db.templates.render(t, Map.of("area", "城东1号台区"))).isEqualTo("【测试供电】城东1号台区停电");
    }

    @Test
    void fieldValuesAreNotScannedForFieldsAgain() {
        SmsTemplate t = new SmsTemplate(null, "o", SmsKind.WORK_ORDER, "{name}", "x", null);

        assertThat(db.templates.render(t, Map.of("name", "{amount}$1\\"))).isEqualTo("【测试供电】{amount}$1\\");
    }

    @Test
    void savingAnUnknownFieldIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> db.templates.save("typo", SmsKind.ARREARS, "您欠费{amout}元", "supervisor"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("unknown field(s) [amout]");

        assertThat(db.templates.find("typo")).isEmpty();
    }

    @Test
    void renderingWithoutAFieldNamesTheMissingField() {
        SmsTemplate t = new SmsTemplate(null, "due", SmsKind.ARREARS, "{name}请于{dueDate}前缴费", "x", null);

        assertThatThrownBy(() -> db.templates.render(t, Map.of("name", "张三")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("{dueDate}");
    }

    @Test
    void previewCountsUcs2PartsAndCost() {
        SmsPreview one = db.templates.preview("【测试供电】" + "电".repeat(64));
        SmsPreview two = db.templates.preview("【测试供电】" + "电".repeat(65));

        assertThat(one.parts()).isEqualTo(1);
        assertThat(one.encoding()).isEqualTo("UCS2");
        assertThat(two.parts()).isEqualTo(2);
        assertThat(two.cost()).isEqualByComparingTo(new BigDecimal("0.10"));
    }

    @Test
    void aSignatureOutsideBracketsIsRefused() {
        assertThatThrownBy(() -> new TextRules("国网", "", java.util.Set.of(), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("【");
    }
}
