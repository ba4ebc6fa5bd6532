package org.hotline.pbxsim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.pbxsim.QueueConfig;

/** One queue: its members, the callers waiting in it, and the statistics QueueParams and QueueSummary show. */
public final class QueueState {

    final String name;
    final QueueConfig.Strategy strategy;
    final long timeoutNanos;
    final long retryNanos;
    final long wrapUpNanos;
    final int serviceLevel;
    final String callerExten;
    final Map<String, Member> members = new LinkedHashMap<>();
    /** Callers in the queue, in position order; an entry replayed from a capture has no {@link Call}. */
    final List<Entry> entries = new ArrayList<>();
    int completed;
    int answered;
    int abandoned;
    long holdTimeTotal;
    long talkTimeTotal;
    int rrNext;

    /** One caller waiting in the queue. */
    static final class Entry {
        final SimChannel channel;
        final Call call;
        final long joinedSimNanos;

        Entry(SimChannel channel, Call call, long joinedSimNanos) {
            this.channel = channel;
            this.call = call;
            this.joinedSimNanos = joinedSimNanos;
        }
    }

    QueueState(QueueConfig config) {
        this.name = config.name();
        this.strategy = config.strategy();
        this.timeoutNanos = config.timeout().toNanos();
        this.retryNanos = config.retry().toNanos();
        this.wrapUpNanos = config.wrapUp().toNanos();
        this.serviceLevel = config.serviceLevelSeconds();
        this.callerExten = config.callerExten();
    }

    /** A queue first seen in replayed traffic, with the lab's settings. */
    QueueState(String name) {
        this(QueueConfig.of(name));
    }

    /** The queue name. */
    public String name() {
        return name;
    }

    /** The 1-based position of a channel in the queue, or 0. */
    int positionOf(SimChannel channel) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).channel == channel) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Removes a channel's entry, returning it or {@code null}. */
    Entry remove(SimChannel channel) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).channel == channel) {
                return entries.remove(i);
            }
        }
        return null;
    }

    /** Counts a completed call and its talk time, for TalkTime and Completed. */
    void countCompleted(long talkSeconds) {
        completed++;
        talkTimeTotal += talkSeconds;
    }

    /** Average hold time of answered calls, in seconds. */
    long averageHoldTime() {
        return answered == 0 ? 0 : holdTimeTotal / answered;
    }

    /** Average talk time of completed calls, in seconds. */
    long averageTalkTime() {
        return completed == 0 ? 0 : talkTimeTotal / completed;
    }
}
