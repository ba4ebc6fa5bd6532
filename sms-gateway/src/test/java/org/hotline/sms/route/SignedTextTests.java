package org.hotline.sms.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where each account's signature goes in the text it sends. */
class SignedTextTests {

    private static final String BODY = "【国网供电服务】您的电费已结清。";

    @Test
    void atTheStartWithoutItsOwnSignatureTheBodyIsSentAsItIs() {
        assertThat(SignedText.render(BODY, null, SignaturePlacement.START)).isEqualTo(BODY);
    }

    @Test
    void atTheEndTheBodysSignatureMovesThere() {
        assertThat(SignedText.render(BODY, null, SignaturePlacement.END)).isEqualTo("您的电费已结清。【国网供电服务】");
    }

    @Test
    void anAccountsRegisteredSignatureReplacesTheBodysWhereverItStands() {
        assertThat(SignedText.render(BODY, "【某市供电公司】", SignaturePlacement.START))
                .isEqualTo("【某市供电公司】您的电费已结清。");
        assertThat(SignedText.render("您的电费已结清。【国网供电服务】", "【某市供电公司】", SignaturePlacement.START))
                .isEqualTo("【某市供电公司】您的电费已结清。");
    }

    @Test
    void aBodyWithoutSignatureGetsTheAccountsOrStaysAsItIs() {
        assertThat(SignedText.render("hello", "【供电】", SignaturePlacement.END)).isEqualTo("hello【供电】");
        assertThat(SignedText.render("hello", null, SignaturePlacement.END)).isEqualTo("hello");
    }
}
