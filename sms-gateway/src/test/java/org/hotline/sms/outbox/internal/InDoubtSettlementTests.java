package org.hotline.sms.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hotline.sms.outbox.internal.InDoubtSettlement.Outcome;
import org.hotline.sms.outbox.internal.InDoubtSettlement.Part;
import org.hotline.sms.outbox.internal.InDoubtSettlement.Receipt;
import org.junit.jupiter.api.Test;

class InDoubtSettlementTests {

    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");
    private static final String A = "13900000001";
    private static final String B = "13900000002";
    private static final String GSM_CHINESE = "????????????????????";

    private static Part part(long message, int seq, String to, String text) {
        return new Part(message, seq, to, text, T);
    }

    private static Receipt receipt(long id, String to, String text) {
        return new Receipt(id, to, text, T.plusSeconds(1), true);
    }

    @Test
    void aChineseNoticeWithTheSignatureIsSettledByItsGsmRenderedReceipt() {
        Part p = part(1, 1, A, "【国网供电服务】您户号1001所在台区明日停电。");
        Outcome o = InDoubtSettlement.settle(List.of(p), List.of(receipt(10, A, GSM_CHINESE)), Set.of());
        assertThat(o.settled()).containsEntry(p, receipt(10, A, GSM_CHINESE));
        assertThat(o.ambiguous()).isEmpty();
    }

    @Test
    void emptyReceiptTextsSettleAThreePartMessageWhenAllThreeCame() {
        List<Part> parts = List.of(part(1, 1, A, "x"), part(1, 2, A, "y"), part(1, 3, A, "z"));
        List<Receipt> receipts = List.of(receipt(10, A, ""), receipt(11, A, ""), receipt(12, A, ""));
        Outcome o = InDoubtSettlement.settle(parts, receipts, Set.of());
        assertThat(o.settled()).hasSize(3);
        assertThat(o.settled().get(parts.get(0)).id()).isEqualTo(10);
        assertThat(o.settled().get(parts.get(2)).id()).isEqualTo(12);
    }

    @Test
    void twoOfThreeReceiptsWaitForTheWindowThenSettleTheFirstTwoParts() {
        List<Part> parts = List.of(part(1, 1, A, "x"), part(1, 2, A, "y"), part(1, 3, A, "z"));
        List<Receipt> receipts = List.of(receipt(10, A, ""), receipt(11, A, ""));
        assertThat(InDoubtSettlement.settle(parts, receipts, Set.of()).settled()).isEmpty();
        Outcome after = InDoubtSettlement.settle(parts, receipts, Set.of(1L));
        assertThat(after.settled()).containsOnlyKeys(parts.get(0), parts.get(1));
    }

    @Test
    void oneEmptyReceiptForTwoMessagesToOneNumberSettlesNeither() {
        List<Part> parts = List.of(part(1, 1, A, "停电通知一"), part(2, 1, A, "停电通知二"));
        Outcome o = InDoubtSettlement.settle(parts, List.of(receipt(10, A, "")), Set.of(1L, 2L));
        assertThat(o.settled()).isEmpty();
        assertThat(o.ambiguous()).containsExactly(1L, 2L);
    }

    @Test
    void shownAsciiTellsTwoMessagesToOneNumberApart() {
        Part one = part(1, 1, A, "Notice 1: supply restored");
        Part two = part(2, 1, A, "Notice 2: supply restored");
        Outcome o = InDoubtSettlement.settle(List.of(one, two), List.of(receipt(10, A, "Notice 2: supply res")),
                Set.of());
        assertThat(o.settled()).containsOnlyKeys(two);
    }

    @Test
    void aReceiptToAnotherNumberFromAnotherSourceOrFromBeforeTheClaimSettlesNothing() {
        Part p = part(1, 1, A, "x");
        List<Receipt> receipts = List.of(receipt(10, B, ""), new Receipt(11, A, "", T.plusSeconds(1), false),
                new Receipt(12, A, "", T.minusSeconds(60), true));
        assertThat(InDoubtSettlement.settle(List.of(p), receipts, Set.of(1L)).settled()).isEmpty();
    }

    @Test
    void moreReceiptsThanPartsOfOneMessageIsAmbiguous() {
        Part p = part(1, 1, A, "x");
        Outcome o = InDoubtSettlement.settle(List.of(p), List.of(receipt(10, A, ""), receipt(11, A, "")),
                Set.of(1L));
        assertThat(o.settled()).isEmpty();
        assertThat(o.ambiguous()).containsExactly(1L);
    }
}
