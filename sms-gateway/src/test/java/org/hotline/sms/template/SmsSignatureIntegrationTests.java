package org.hotline.sms.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.testing.SmsTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signature administrators set ({@code sms_settings}): the setting's until one is set, on every text built after
 * the change (this node at once, whatever the cache), back to the setting when forgotten; bad signatures refused.
 */
class SmsSignatureIntegrationTests {

    private static final String SETTING = "【测试供电】";
    // a node that keeps what it read for an hour: only its own changes reach it sooner
    private static final Duration HOUR = Duration.ofHours(1);

    private static SmsTestDatabase db;
    private static SmsSignature signature;
    private static SmsTemplates templates;

    @BeforeAll
    static void start() {
        db = new SmsTestDatabase(20);
        signature = new SmsSignature(db.jdbc, SETTING, HOUR);
        templates = new SmsTemplates(db.jdbc, db.codec, SmsTestDatabase.RULES, signature::get);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @AfterEach
    void backToTheSetting() {
        signature.useSetting();
    }

    private static String outageText() {
        return templates.render(new SmsTemplate(null, "o", SmsKind.OUTAGE, "{area}停电", "x", null),
                Map.of("area", "城东1号台区"));
    }

    @Test
    void untilAnAdministratorSetsOneTheSettingsSignatureIsUsed() {
        SmsSignature.Current c = signature.current();
        assertThat(c.signature()).isEqualTo(SETTING);
        assertThat(c.fromSetting()).isTrue();
        assertThat(c.updatedBy()).isNull();
        assertThat(outageText()).isEqualTo("【测试供电】城东1号台区停电");
    }

    @Test
    void aTextQueuedAfterTheChangeCarriesTheNewSignatureThoughTheOldOneWasCached() {
        assertThat(signature.get()).as("read and cached for an hour").isEqualTo(SETTING);

        SmsSignature.Current set = signature.set(" 【东城水务】 ", "admin");
        assertThat(set.signature()).isEqualTo("【东城水务】");
        assertThat(set.fromSetting()).isFalse();
        assertThat(set.updatedBy()).isEqualTo("admin");
        assertThat(set.setting()).isEqualTo(SETTING);

        String text = outageText();
        assertThat(text).isEqualTo("【东城水务】城东1号台区停电");
        assertThat(templates.rules().finish("您的报修已受理。", SmsKind.ARREARS)).isEqualTo("【东城水务】您的报修已受理。回TD退订");
        db.outbox.enqueue(List.of(new OutboundSms("signature-test:1", "13800138000", text, SmsKind.OUTAGE, null,
                Instant.now())));
        assertThat(db.jdbc.queryForObject("select body from sms_messages where dedupe_key = 'signature-test:1'",
                String.class)).startsWith("【东城水务】");

        signature.useSetting();
        assertThat(outageText()).as("forgotten: the setting's again").startsWith(SETTING);
    }

    @Test
    void anotherNodeSeesTheChangeWhenItsCacheRunsOut() {
        SmsSignature uncached = new SmsSignature(db.jdbc, SETTING, Duration.ZERO);
        SmsSignature cachedElsewhere = new SmsSignature(db.jdbc, SETTING, HOUR);
        assertThat(cachedElsewhere.get()).isEqualTo(SETTING);

        signature.set("【东城水务】", "admin");
        assertThat(uncached.get()).isEqualTo("【东城水务】");
        assertThat(cachedElsewhere.get()).as("within its cache: the signature it read").isEqualTo(SETTING);
        assertThat(cachedElsewhere.current().signature()).isEqualTo("【东城水务】");
    }

    @Test
    void aChangeRolledBackLeavesTheSignatureItReplaced() {
        signature.set("【东城水务】", "admin");
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.pool));
        tx.executeWithoutResult(status -> {
            signature.set("【西城燃气】", "admin");
            status.setRollbackOnly();
        });
        assertThat(signature.get()).isEqualTo("【东城水务】");
        assertThat(signature.current().signature()).isEqualTo("【东城水务】");
    }

    @Test
    void aSignatureThatIsNotBracketsAroundTwoToTwentyCharactersIsRefusedAndNothingChanges() {
        for (String bad : new String[] {null, "", "国网供电服务", "【国网供电服务", "国网供电服务】", "【国】", "【】",
            "【" + "电".repeat(21) + "】", "【国网\n供电】", "【【国网】", "【国网】】", "【 国网 】", "【国网】供电"}) {
            assertThatThrownBy(() -> signature.set(bad, "admin")).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("signature: '").hasMessageContaining("2 to 20 characters");
        }
        assertThat(SmsSignature.check("【" + "电".repeat(20) + "】")).hasSize(22);
        assertThat(SmsSignature.check("【State Grid】")).isEqualTo("【State Grid】");
        assertThat(SmsSignature.check("【𠀀𠀁】")).as("characters, not UTF-16 units").isEqualTo("【𠀀𠀁】");
        assertThat(signature.current().fromSetting()).isTrue();
        // the table refuses what the check refuses, whoever writes it
        assertThatThrownBy(() -> db.jdbc.update("insert into sms_settings (name, value, updated_by) values "
                + "('signature', '国网', 'sql')")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.jdbc.update("insert into sms_settings (name, value, updated_by) values "
                + "('colour', 'red', 'sql')")).isInstanceOf(DataIntegrityViolationException.class);
    }
}
