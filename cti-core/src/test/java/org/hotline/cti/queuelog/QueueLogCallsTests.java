package org.hotline.cti.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** queue_log lines as app_queue (Asterisk 22) writes them, folded into one call per queued channel. */
class QueueLogCallsTests {

    /** An answered call after one missed ring, an abandon, a timeout and a transfer, with member lines between. */
    static final List<String> LOG = List.of(
            "1765100000|1765099990.101|hotline|NONE|ENTERQUEUE||13800138000|1",
            "1765100001|NONE|hotline|Agent 1003|PAUSE||wrapup",
            "1765100004|1765099990.101|hotline|Agent 1001|RINGNOANSWER|4000",
            "1765100010|1765099990.101|hotline|Agent 1002|CONNECT|10|1765100010.105|2",
            "1765100070|1765099990.101|hotline|Agent 1002|COMPLETECALLER|10|60|1",
            "1765100100|1765100095.110|hotline|NONE|ENTERQUEUE||13900139000|1",
            "1765100130|1765100095.110|hotline|NONE|ABANDON|1|1|30",
            "1765100200|1765100140.120|gas|NONE|ENTERQUEUE||13700137000|1",
            "1765100500|1765100140.120|gas|NONE|EXITWITHTIMEOUT|1|1|300",
            "1765100600|1765100590.130|hotline|NONE|ENTERQUEUE||13600136000|1",
            "1765100605|1765100590.130|hotline|Agent 1001|CONNECT|5|1765100605.131|1",
            "1765100665|1765100590.130|hotline|Agent 1001|BLINDTRANSFER|8002|hotline-transfer|5|60|1");

    @Test
    void eachQueuedChannelBecomesOneCallWhenItsTimeInTheQueueEnds() {
        List<QueueLogCall> calls = fold(LOG);

        assertThat(calls).extracting(QueueLogCall::callId)
                .containsExactly("1765099990.101", "1765100095.110", "1765100140.120", "1765100590.130");
        assertThat(calls).extracting(QueueLogCall::outcome)
                .containsExactly("answered", "abandoned", "timeout", "transferred");
    }

    @Test
    void anAnsweredCallCarriesItsAgentWaitTalkMissedRingsAndWhoHungUp() {
        QueueLogCall answered = fold(LOG).get(0);

        assertThat(answered.queue()).isEqualTo("hotline");
        assertThat(answered.caller()).isEqualTo("13800138000");
        assertThat(answered.enteredAt()).isEqualTo(Instant.ofEpochSecond(1765100000));
        assertThat(answered.connectedAt()).isEqualTo(Instant.ofEpochSecond(1765100010));
        assertThat(answered.endedAt()).isEqualTo(Instant.ofEpochSecond(1765100070));
        assertThat(answered.agent()).isEqualTo("Agent 1002");
        assertThat(answered.waited()).isEqualTo(Duration.ofSeconds(10));
        assertThat(answered.talk()).isEqualTo(Duration.ofSeconds(60));
        assertThat(answered.unansweredRings()).isEqualTo(1);
        assertThat(answered.endedBy()).isEqualTo("caller");
    }

    @Test
    void anAbandonHasNoAgentAndItsWaitFromTheLine() {
        QueueLogCall abandoned = fold(LOG).get(1);

        assertThat(abandoned.agent()).isNull();
        assertThat(abandoned.connectedAt()).isNull();
        assertThat(abandoned.waited()).isEqualTo(Duration.ofSeconds(30));
        assertThat(abandoned.talk()).isZero();
    }

    @Test
    void aTransferKeepsTheTalkOfTheAgentWhoAnswered() {
        QueueLogCall transferred = fold(LOG).get(3);

        assertThat(transferred.agent()).isEqualTo("Agent 1001");
        assertThat(transferred.talk()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aLineIsFormattedBackAsItWasRead() {
        for (String line : LOG) {
            assertThat(QueueLogLine.parse(line).format()).isEqualTo(line);
        }
    }

    @Test
    void linesThatAreNotQueueLogLinesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> QueueLogLine.parse("x".repeat(9000)))
                .hasMessage("maxLineLength: 9000 (expected: <= 8192)");
        assertThatThrownBy(() -> QueueLogLine.parse("1765100000|a|b"))
                .hasMessageContaining("fields: 3 (expected: >= 5");
        assertThatThrownBy(() -> QueueLogLine.parse("yesterday|1.1|q|NONE|ENTERQUEUE"))
                .hasMessageContaining("time: 'yesterday'");
        assertThatThrownBy(() -> QueueLogLine.parse("1765100000|1.1|q|NONE|"))
                .hasMessage("event: empty");
    }

    static List<QueueLogCall> fold(List<String> lines) {
        QueueLogCalls calls = new QueueLogCalls();
        List<QueueLogCall> out = new ArrayList<>();
        lines.forEach(l -> calls.accept(QueueLogLine.parse(l)).ifPresent(out::add));
        return out;
    }
}
