package org.hotline.cti.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.hotline.cti.wallboard.Kpis;
import org.hotline.cti.wallboard.QueueSample;
import org.hotline.cti.wallboard.QueueSample.Kind;
import org.junit.jupiter.api.Test;

/** The KPI arithmetic: both service-level definitions, abandon rate, ASA, averages, calls per agent. */
class TotalsTests {

    static final Duration T = Duration.ofSeconds(30);
    static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

    static QueueSample sample(Kind kind, String agent, long seconds) {
        return new QueueSample(kind, "hotline", agent, AT, Duration.ofSeconds(seconds));
    }

    @Test
    void serviceLevelCountsAnsweredWithinTOverAnsweredAndTheInclusiveOneCountsShortAbandonsAsMet() {
        Totals t = new Totals();
        t.add(sample(Kind.ANSWERED, "a", 10), T);   // within
        t.add(sample(Kind.ANSWERED, "a", 30), T);   // exactly T: within, as app_queue's holdtime <= servicelevel
        t.add(sample(Kind.ANSWERED, "b", 31), T);   // after
        t.add(sample(Kind.ANSWERED, "b", 90), T);   // after
        t.add(sample(Kind.ABANDONED, null, 5), T);  // short abandon
        t.add(sample(Kind.ABANDONED, null, 60), T); // long abandon

        Kpis k = t.kpis();

        assertThat(k.serviceLevel()).isEqualTo(2.0 / 4);
        assertThat(k.serviceLevelInclusive()).isEqualTo(3.0 / 6);
    }

    @Test
    void abandonRateIsAbandonedOverOfferedWhereOfferedIncludesUnanswered() {
        Totals t = new Totals();
        t.add(sample(Kind.ANSWERED, "a", 1), T);
        t.add(sample(Kind.ANSWERED, "a", 1), T);
        t.add(sample(Kind.ABANDONED, null, 40), T);
        t.add(sample(Kind.UNANSWERED, null, 300), T);

        Kpis k = t.kpis();

        assertThat(k.offered()).isEqualTo(4);
        assertThat(k.abandoned()).isEqualTo(1);
        assertThat(k.unanswered()).isEqualTo(1);
        assertThat(k.abandonRate()).isEqualTo(0.25);
    }

    @Test
    void asaAveragesTheWaitOfAnsweredCallsOnlyAndTalkAndWrapUpAverageTheirOwnSamples() {
        Totals t = new Totals();
        t.add(sample(Kind.ANSWERED, "a", 10), T);
        t.add(sample(Kind.ANSWERED, "b", 20), T);
        t.add(sample(Kind.ABANDONED, null, 600), T);
        t.add(sample(Kind.TALK, "a", 100), T);
        t.add(sample(Kind.TALK, "b", 200), T);
        t.add(sample(Kind.TALK, "b", 300), T);
        t.add(sample(Kind.WRAPUP, "a", 15), T);

        Kpis k = t.kpis();

        assertThat(k.asaSeconds()).isCloseTo(15.0, within(1e-9));
        assertThat(k.avgTalkSeconds()).isCloseTo(200.0, within(1e-9));
        assertThat(k.avgWrapUpSeconds()).isCloseTo(15.0, within(1e-9));
    }

    @Test
    void callsPerAgentDividesAnsweredByTheAgentsWhoAnswered() {
        Totals t = new Totals();
        t.add(sample(Kind.ANSWERED, "a", 1), T);
        t.add(sample(Kind.ANSWERED, "a", 1), T);
        t.add(sample(Kind.ANSWERED, "a", 1), T);
        t.add(sample(Kind.ANSWERED, "b", 1), T);

        Kpis k = t.kpis();

        assertThat(k.agentsAnswering()).isEqualTo(2);
        assertThat(k.callsPerAgent()).isEqualTo(2.0);
        assertThat(t.answeredBy("a")).isEqualTo(3);
    }

    @Test
    void ratiosAreNullWhenNothingWasCounted() {
        Kpis k = new Totals().kpis();

        assertThat(k.offered()).isZero();
        assertThat(k.abandonRate()).isNull();
        assertThat(k.serviceLevel()).isNull();
        assertThat(k.serviceLevelInclusive()).isNull();
        assertThat(k.asaSeconds()).isNull();
        assertThat(k.callsPerAgent()).isNull();
    }

    @Test
    void subtractingWhatWasAddedLeavesNothing() {
        Totals bucket = new Totals();
        bucket.add(sample(Kind.ANSWERED, "a", 10), T);
        bucket.add(sample(Kind.ABANDONED, null, 10), T);
        Totals sum = new Totals();
        sum.merge(bucket, 1);
        sum.merge(bucket, -1);

        assertThat(sum.kpis()).isEqualTo(new Totals().kpis());
        assertThat(sum.answeredBy("a")).isZero();
    }
}
