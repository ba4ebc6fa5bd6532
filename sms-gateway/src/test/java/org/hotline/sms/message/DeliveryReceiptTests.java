package org.hotline.sms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DeliveryReceiptTests {

    @Test
    void theAppendixBFormatIsReadFieldByField() {
        DeliveryReceipt receipt = DeliveryReceipt.parse(
                "id:0123456789 sub:001 dlvrd:001 submit date:2606180800 done date:2606180801 stat:DELIVRD err:000 "
                        + "text:【某市供电】尊敬的客户");

        assertThat(receipt.id()).isEqualTo("0123456789");
        assertThat(receipt.submitted()).isEqualTo(1);
        assertThat(receipt.delivered()).isEqualTo(1);
        assertThat(receipt.submitDate()).isEqualTo(LocalDateTime.of(2026, 6, 18, 8, 0));
        assertThat(receipt.doneDate()).isEqualTo(LocalDateTime.of(2026, 6, 18, 8, 1));
        assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
        assertThat(receipt.state().terminal()).isTrue();
        assertThat(receipt.error()).isEqualTo("000");
        assertThat(receipt.text()).isEqualTo("【某市供电】尊敬的客户");
    }

    @Test
    void lowercaseKeysAndStatesAndACapitalisedTextKeyAreRead() {
        DeliveryReceipt receipt = DeliveryReceipt.parse(
                "ID:1A2B SUB:001 DLVRD:000 SUBMIT DATE:2606180800 DONE DATE:2606181000 stat:undeliv ERR:034 Text:Your bill");

        assertThat(receipt.id()).isEqualTo("1A2B");
        assertThat(receipt.delivered()).isZero();
        assertThat(receipt.state()).isEqualTo(ReceiptState.UNDELIVERABLE);
        assertThat(receipt.stat()).isEqualTo("undeliv");
        assertThat(receipt.error()).isEqualTo("034");
        assertThat(receipt.text()).isEqualTo("Your bill");
    }

    @Test
    void extraSpacesAroundKeysAndValuesAreTolerated() {
        DeliveryReceipt receipt = DeliveryReceipt.parse(
                "  id: 6699   sub:1  dlvrd:1 submit date: 2606180800  done date:2606180800 stat : EXPIRED err:  text:  a  b ");

        assertThat(receipt.id()).isEqualTo("6699");
        assertThat(receipt.submitted()).isEqualTo(1);
        assertThat(receipt.submitDate()).isEqualTo(LocalDateTime.of(2026, 6, 18, 8, 0));
        assertThat(receipt.state()).isEqualTo(ReceiptState.EXPIRED);
        assertThat(receipt.error()).isEmpty();
        assertThat(receipt.text()).isEqualTo("a  b");
    }

    @Test
    void missingFieldsAreNullAndTheStateUnknown() {
        DeliveryReceipt receipt = DeliveryReceipt.parse("id:778899 done date:2606180915");

        assertThat(receipt.id()).isEqualTo("778899");
        assertThat(receipt.submitted()).isNull();
        assertThat(receipt.submitDate()).isNull();
        assertThat(receipt.doneDate()).isEqualTo(LocalDateTime.of(2026, 6, 18, 9, 15));
        assertThat(receipt.state()).isEqualTo(ReceiptState.UNKNOWN);
        assertThat(receipt.stat()).isNull();
        assertThat(receipt.text()).isNull();
    }

    @Test
    void underscoredDateKeysAndDatesWithSecondsOrFourDigitYearsAreRead() {
        DeliveryReceipt receipt = DeliveryReceipt.parse(
                "id:1 submit_date:260618080005 done_date:20260618080107 stat:REJECTD err:001");

        assertThat(receipt.submitDate()).isEqualTo(LocalDateTime.of(2026, 6, 18, 8, 0, 5));
        assertThat(receipt.doneDate()).isEqualTo(LocalDateTime.of(2026, 6, 18, 8, 1, 7));
        assertThat(receipt.state()).isEqualTo(ReceiptState.REJECTED);
    }

    @Test
    void anUnreadableDateIsNullWhileTheRestIsRead() {
        DeliveryReceipt receipt = DeliveryReceipt.parse("id:5 submit date:2613450800 stat:DELIVRD");

        assertThat(receipt.submitDate()).isNull();
        assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
    }

    @Test
    void fieldNamesInsideTheTextDoNotOverrideEarlierFields() {
        DeliveryReceipt receipt = DeliveryReceipt.parse("id:42 stat:DELIVRD err:000 text:reply stat:TD id:99");

        assertThat(receipt.id()).isEqualTo("42");
        assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
        assertThat(receipt.text()).isEqualTo("reply stat:TD id:99");
    }

    @Test
    void enrouteIsNotTerminal() {
        assertThat(DeliveryReceipt.parse("id:7 stat:ENROUTE").state().terminal()).isFalse();
    }

    @Test
    void anOrdinaryMoTextIsNoReceipt() {
        assertThat(DeliveryReceipt.tryParse("TD")).isEmpty();
        assertThat(DeliveryReceipt.tryParse("我家停电了，valid:no")).isEmpty();
        assertThatThrownBy(() -> DeliveryReceipt.parse("退订"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a delivery receipt (expected: an id: field): 退订");
    }
}
