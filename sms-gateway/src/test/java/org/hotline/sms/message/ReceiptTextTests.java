package org.hotline.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptTextTests {

    private static final String NOTICE = "【国网供电服务】尊敬的客户，您户号1001所在台区明日08:00停电。";

    @Test
    void theFullWidthSignatureShownAsQuestionMarksMatchesTheChineseText() {
        assertThat(ReceiptText.compatible(NOTICE, "????????????????????")).isTrue();
        assertThat(ReceiptText.compatible(NOTICE, "?????????????????100")).isTrue();
    }

    @Test
    void anExactPrefixAndAnEmptyTextAreCompatible() {
        assertThat(ReceiptText.compatible(NOTICE, NOTICE.substring(0, 20))).isTrue();
        assertThat(ReceiptText.compatible(NOTICE, "")).isTrue();
        assertThat(ReceiptText.compatible(NOTICE, null)).isTrue();
        assertThat(ReceiptText.compatible("Notice 17: supply restored", "Notice 17: supply re")).isTrue();
    }

    @Test
    void differingShownCharactersRuleThePartOut() {
        assertThat(ReceiptText.compatible(NOTICE, "?????????????????101")).isFalse();
        assertThat(ReceiptText.compatible("Notice 17: supply restored", "Notice 18: supply re")).isFalse();
        assertThat(ReceiptText.compatible("Short", "Short but longer")).isFalse();
    }

    @Test
    void anEmojiMayBeOneOrTwoQuestionMarksAndFullWidthDigitsMayBeFolded() {
        String text = "Hi \uD83D\uDE00 ok";
        assertThat(ReceiptText.compatible(text, "Hi ? ok")).isTrue();
        assertThat(ReceiptText.compatible(text, "Hi ?? ok")).isTrue();
        assertThat(ReceiptText.compatible("户号１２", "??12")).isTrue();
    }
}
