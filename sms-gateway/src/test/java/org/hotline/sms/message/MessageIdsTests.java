package org.hotline.sms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageIdsTests {

    @Test
    void aHexSubmitResponseIdAndADecimalReceiptIdAreTheSameMessage() {
        MessageIds ids = new MessageIds(MessageIdFormat.HEX, MessageIdFormat.DECIMAL);

        assertThat(ids.fromSubmitResponse("1A2B")).isEqualTo("6699");
        assertThat(ids.fromReceipt("6699")).isEqualTo(ids.fromSubmitResponse("1A2B"));
        assertThat(ids.fromReceipt(DeliveryReceipt.parse("id:6699 stat:DELIVRD").id()))
                .isEqualTo(ids.fromSubmitResponse("1a2b"));
    }

    @Test
    void leadingZerosAndCaseDoNotMatterForNumbers() {
        assertThat(MessageIds.normalize("0000006699", MessageIdFormat.DECIMAL)).isEqualTo("6699");
        assertThat(MessageIds.normalize("00001a2B", MessageIdFormat.HEX)).isEqualTo("6699");
    }

    @Test
    void idsLongerThanALongAreNormalised() {
        assertThat(MessageIds.normalize("FFFFFFFFFFFFFFFFFF", MessageIdFormat.HEX)).isEqualTo("4722366482869645213695");
    }

    @Test
    void stringIdsAreOnlyTrimmed() {
        assertThat(MessageIds.STRINGS.fromSubmitResponse(" ab-01 ")).isEqualTo("ab-01");
        assertThat(MessageIds.STRINGS.fromReceipt("AB-01")).isNotEqualTo(MessageIds.STRINGS.fromSubmitResponse("ab-01"));
    }

    @Test
    void kannelMsgIdTypeBitsSelectHexPerPlace() {
        assertThat(MessageIds.fromKannelMsgIdType(0))
                .isEqualTo(new MessageIds(MessageIdFormat.DECIMAL, MessageIdFormat.DECIMAL));
        assertThat(MessageIds.fromKannelMsgIdType(1))
                .isEqualTo(new MessageIds(MessageIdFormat.HEX, MessageIdFormat.DECIMAL));
        assertThat(MessageIds.fromKannelMsgIdType(2))
                .isEqualTo(new MessageIds(MessageIdFormat.DECIMAL, MessageIdFormat.HEX));
        assertThat(MessageIds.fromKannelMsgIdType(3))
                .isEqualTo(new MessageIds(MessageIdFormat.HEX, MessageIdFormat.HEX));
        assertThatThrownBy(() -> MessageIds.fromKannelMsgIdType(4)).hasMessage("msg-id-type: 4 (expected: 0..3)");
    }

    @Test
    void anIdThatIsNotANumberInItsBaseIsAClearError() {
        assertThatThrownBy(() -> MessageIds.normalize("1A2B", MessageIdFormat.DECIMAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message id '1A2B' is not decimal (expected per this SMSC's setting)");
        assertThatThrownBy(() -> MessageIds.normalize(" ", MessageIdFormat.HEX)).hasMessage("message id is empty");
    }
}
