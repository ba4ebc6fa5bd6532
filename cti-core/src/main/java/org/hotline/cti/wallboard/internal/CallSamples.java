package org.hotline.cti.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.callrecord.CallOutcome;
import org.hotline.cti.wallboard.QueueSample;

/**
 * What one finished queue call counts on the wallboard: its answer (with the wait from its first queue entry), its
 * talk and wrap-up, or its abandon or timeout; the same for a record read back at a rebuild as for one just ended.
 */
public final class CallSamples {

    private CallSamples() {
    }

    /** The samples of a call; {@code withAnswer} false when its answer was already counted live. */
    public static List<QueueSample> of(String queue, String agent, Instant queued, Instant answered,
                                       Instant ended, CallOutcome outcome, long talkSeconds, Integer wrap,
                                       boolean withAnswer) {
        Instant waitFrom = queued != null ? queued : answered != null ? answered : ended;
        return switch (outcome) {
            case ANSWERED, TRANSFERRED -> {
                if (answered == null) {
                    yield List.of();
                }
                List<QueueSample> list = new ArrayList<>(3);
                if (withAnswer) {
                    list.add(new QueueSample(QueueSample.Kind.ANSWERED, queue, agent, answered,
                            between(waitFrom, answered)));
                }
                list.add(new QueueSample(QueueSample.Kind.TALK, queue, agent, ended, Duration.ofSeconds(talkSeconds)));
                if (wrap != null) {
                    list.add(new QueueSample(QueueSample.Kind.WRAPUP, queue, agent, ended, Duration.ofSeconds(wrap)));
                }
                yield list;
            }
            case ABANDONED -> List.of(new QueueSample(QueueSample.Kind.ABANDONED, queue, null, ended,
                    between(waitFrom, ended)));
            // a timeout is not an abandon (the caller did not give up): the wallboard counts it as unanswered
            case TIMEOUT, UNANSWERED -> List.of(new QueueSample(QueueSample.Kind.UNANSWERED, queue, null, ended,
                    between(waitFrom, ended)));
            case IVR_ONLY -> List.of();
        };
    }

    private static Duration between(Instant from, Instant to) {
        return to.isBefore(from) ? Duration.ZERO : Duration.between(from, to);
    }
}
