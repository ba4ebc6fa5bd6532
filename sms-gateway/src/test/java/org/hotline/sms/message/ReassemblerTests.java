package org.hotline.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.hotline.cti.testing.TestClock;
import org.junit.jupiter.api.Test;

class ReassemblerTests {

    private static final String MOBILE = "13800138000";

    private final TestClock clock = new TestClock(Instant.parse("2026-06-18T08:00:00Z"));
    private final Reassembler reassembler = new Reassembler(clock, Duration.ofMinutes(5), 1000);

    private static ReceivedPart ucs2(String source, int reference, int total, int sequence, String text) {
        return new ReceivedPart(source, 8, reference, total, sequence, text.getBytes(StandardCharsets.UTF_16BE));
    }

    @Test
    void anUnsplitMessageIsCompleteAtOnce() {
        Optional<ReceivedMessage> message = reassembler.accept(ucs2(MOBILE, 0, 1, 1, "退订"));

        assertThat(message).get().extracting(ReceivedMessage::text).isEqualTo("退订");
        assertThat(reassembler.pending()).isZero();
    }

    @Test
    void partsArrivingOutOfOrderAreJoinedInSequence() {
        assertThat(reassembler.accept(ucs2(MOBILE, 9, 3, 3, "来电了"))).isEmpty();
        assertThat(reassembler.accept(ucs2(MOBILE, 9, 3, 1, "我家停电"))).isEmpty();
        Optional<ReceivedMessage> message = reassembler.accept(ucs2(MOBILE, 9, 3, 2, "两小时，刚才"));

        assertThat(message).get().satisfies(m -> {
            assertThat(m.text()).isEqualTo("我家停电两小时，刚才来电了");
            assertThat(m.parts()).isEqualTo(3);
            assertThat(m.reference()).isEqualTo(9);
            assertThat(m.source()).isEqualTo(MOBILE);
        });
        assertThat(reassembler.pending()).isZero();
    }

    @Test
    void aDuplicatePartIsIgnoredBeforeAndAfterCompletion() {
        reassembler.accept(ucs2(MOBILE, 4, 2, 1, "第一段"));
        assertThat(reassembler.accept(ucs2(MOBILE, 4, 2, 1, "第一段"))).isEmpty();
        assertThat(reassembler.accept(ucs2(MOBILE, 4, 2, 2, "第二段"))).get()
                .extracting(ReceivedMessage::text).isEqualTo("第一段第二段");
        assertThat(reassembler.accept(ucs2(MOBILE, 4, 2, 2, "第二段"))).isEmpty();

        assertThat(reassembler.duplicates()).isEqualTo(2);
        assertThat(reassembler.pending()).isZero();
    }

    @Test
    void theSameReferenceFromAnotherSenderIsAnotherMessage() {
        reassembler.accept(ucs2(MOBILE, 4, 2, 1, "甲一"));
        reassembler.accept(ucs2("13900139000", 4, 2, 2, "乙二"));

        assertThat(reassembler.accept(ucs2("13900139000", 4, 2, 1, "乙一"))).get()
                .extracting(ReceivedMessage::text).isEqualTo("乙一乙二");
        assertThat(reassembler.accept(ucs2(MOBILE, 4, 2, 2, "甲二"))).get()
                .extracting(ReceivedMessage::text).isEqualTo("甲一甲二");
    }

    @Test
    void aReusedReferenceWithNewTextAfterCompletionStartsANewMessage() {
        reassembler.accept(ucs2(MOBILE, 4, 2, 1, "旧一"));
        reassembler.accept(ucs2(MOBILE, 4, 2, 2, "旧二"));

        reassembler.accept(ucs2(MOBILE, 4, 2, 1, "新一"));
        assertThat(reassembler.accept(ucs2(MOBILE, 4, 2, 2, "新二"))).get()
                .extracting(ReceivedMessage::text).isEqualTo("新一新二");
    }

    @Test
    void anIncompleteSetTimesOutWithItsPartialText() {
        reassembler.accept(ucs2(MOBILE, 1, 3, 2, "中间"));
        clock.advance(Duration.ofMinutes(4));
        assertThat(reassembler.expire()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        List<IncompleteMessage> expired = reassembler.expire();

        assertThat(expired).singleElement().satisfies(gone -> {
            assertThat(gone.reason()).isEqualTo(IncompleteMessage.Reason.TIMED_OUT);
            assertThat(gone.received()).containsExactly(2);
            assertThat(gone.partialText()).isEqualTo("…中间…");
            assertThat(gone.total()).isEqualTo(3);
        });
        assertThat(reassembler.pending()).isZero();
    }

    @Test
    void beyondTheMaximumPendingSetsTheOldestIsEvicted() {
        Reassembler small = new Reassembler(clock, Duration.ofMinutes(5), 2);
        small.accept(ucs2("1", 1, 2, 1, "a"));
        small.accept(ucs2("2", 1, 2, 1, "b"));
        small.accept(ucs2("3", 1, 2, 1, "c"));

        assertThat(small.pending()).isEqualTo(2);
        assertThat(small.expire()).singleElement().satisfies(gone -> {
            assertThat(gone.source()).isEqualTo("1");
            assertThat(gone.reason()).isEqualTo(IncompleteMessage.Reason.EVICTED);
            assertThat(gone.partialText()).isEqualTo("a…");
        });
    }

    @Test
    void anEscapePairSplitByTheSendersHandsetIsJoinedBeforeDecoding() {
        reassembler.accept(new ReceivedPart(MOBILE, 0, 2, 2, 1, new byte[] {0x61, 0x1B}));

        assertThat(reassembler.accept(new ReceivedPart(MOBILE, 0, 2, 2, 2, new byte[] {0x65, 0x62}))).get()
                .extracting(ReceivedMessage::text).isEqualTo("a€b");
    }

    @Test
    void aSurrogatePairSplitByTheSendersHandsetIsJoinedBeforeDecoding() {
        byte[] all = "好😀".getBytes(StandardCharsets.UTF_16BE);
        reassembler.accept(new ReceivedPart(MOBILE, 8, 3, 2, 1, java.util.Arrays.copyOfRange(all, 0, 4)));

        assertThat(reassembler.accept(new ReceivedPart(MOBILE, 8, 3, 2, 2, java.util.Arrays.copyOfRange(all, 4, 6))))
                .get().extracting(ReceivedMessage::text).isEqualTo("好😀");
    }

    @Test
    void randomTextsSurviveSplitShuffleDuplicateAndReassembly() {
        Random random = new Random(20260618);
        String pool = "abcxyzABC0123456789 .,:;!?@£$¥èé\nΔ_äöü§{}[]~|^\\€停电检修供电局欠费缴纳退订回复，。【】😀𠮷";
        int[] codePoints = pool.codePoints().toArray();
        for (Gsm7Packing packing : Gsm7Packing.values()) {
            SmsCodec codec = new SmsCodec(new SmsCodecSettings(OutOfRangeRule.KEEP_AS_UTF16, packing, 255));
            for (int round = 0; round < 150; round++) {
                boolean ascii = random.nextBoolean();
                StringBuilder text = new StringBuilder();
                int length = 1 + random.nextInt(ascii ? 1400 : 600);
                while (text.length() < length) {
                    text.appendCodePoint(codePoints[random.nextInt(ascii ? 48 : codePoints.length)]);
                }
                EncodedSms sms = codec.encode(text.toString(), random.nextInt(256));
                List<SmsPart> arriving = new ArrayList<>(sms.parts());
                if (arriving.size() > 1) {
                    // an unsplit message has no reference to tell a resend from a new one, so only parts repeat
                    arriving.add(arriving.get(random.nextInt(arriving.size())));
                }
                Collections.shuffle(arriving, random);
                String source = "1380013" + round;
                List<ReceivedMessage> done = new ArrayList<>();
                for (SmsPart part : arriving) {
                    reassembler.accept(codec.decode(source, sms.dataCoding(), part.esmClass(), part.shortMessage()))
                            .ifPresent(done::add);
                }
                assertThat(done).as("round %d (%s, %d parts)", round, sms.encoding(), sms.parts().size())
                        .singleElement().extracting(ReceivedMessage::text).isEqualTo(sms.text());
            }
        }
        assertThat(reassembler.pending()).isZero();
    }
}
