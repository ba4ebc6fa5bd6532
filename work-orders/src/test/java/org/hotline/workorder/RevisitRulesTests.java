package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.workorder.RevisitRules.Attempt;
import org.hotline.workorder.RevisitRules.Effect;
import org.hotline.workorder.RevisitRules.Status;
import org.hotline.workorder.RevisitRules.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RevisitRulesTests {

    private static Transition apply(Status s, int before, Attempt a) {
        return RevisitRules.apply(s, before, a, 3);
    }

    @ParameterizedTest
    @EnumSource(value = Satisfaction.class, names = {"VERY_SATISFIED", "SATISFIED", "NEUTRAL"})
    void aReachedCustomerWhoIsSatisfiedOrNeutralClosesTheOrderWithTheirAnswerAsReason(Satisfaction s) {
        Transition t = apply(Status.OPEN, 0, new Attempt(true, s, "电已恢复"));
        assertThat(t.status()).isEqualTo(Status.SATISFIED);
        assertThat(t.effect()).isEqualTo(Effect.CLOSE_ORDER);
        assertThat(t.attempts()).isEqualTo(1);
        assertThat(t.reason()).isEqualTo("回访" + s.label() + "：电已恢复");
    }

    @ParameterizedTest
    @EnumSource(value = Satisfaction.class, names = {"DISSATISFIED", "VERY_DISSATISFIED"})
    void aDissatisfiedCustomerReopensTheOrder(Satisfaction s) {
        Transition t = apply(Status.OPEN, 1, new Attempt(true, s, null));
        assertThat(t.status()).isEqualTo(Status.DISSATISFIED);
        assertThat(t.effect()).isEqualTo(Effect.REOPEN_ORDER);
        assertThat(t.attempts()).isEqualTo(2);
        assertThat(t.reason()).isEqualTo("回访" + s.label());
    }

    @Test
    void unreachedAttemptsKeepTheRevisitOpenUntilTheLastAllowedOneClosesTheOrder() {
        Attempt none = new Attempt(false, null, "无人接听");
        assertThat(apply(Status.OPEN, 0, none)).isEqualTo(new Transition(Status.OPEN, 1, Effect.NONE, null));
        assertThat(apply(Status.OPEN, 1, none)).isEqualTo(new Transition(Status.OPEN, 2, Effect.NONE, null));
        Transition third = apply(Status.OPEN, 2, none);
        assertThat(third.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(third.effect()).isEqualTo(Effect.CLOSE_ORDER);
        assertThat(third.reason()).contains("3次未联系上");
        assertThat(RevisitRules.apply(Status.OPEN, 0, none, 1).status()).isEqualTo(Status.UNREACHABLE);
    }

    @Test
    void aReachedCustomerAfterFailedAttemptsStillDecides() {
        assertThat(apply(Status.OPEN, 2, new Attempt(true, Satisfaction.SATISFIED, null)).status())
                .isEqualTo(Status.SATISFIED);
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void aFinishedRevisitTakesNoMoreAttempts(Status finished) {
        assertThatThrownBy(() -> apply(finished, 1, new Attempt(true, Satisfaction.SATISFIED, null)))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorkOrderRejectedException.Kind.CONFLICT));
    }

    @Test
    void reachedNeedsAnAnswerAndNotReachedMayNotHaveOne() {
        assertThatThrownBy(() -> apply(Status.OPEN, 0, new Attempt(true, null, null)))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorkOrderRejectedException.Kind.INVALID));
        assertThatThrownBy(() -> apply(Status.OPEN, 0, new Attempt(false, Satisfaction.NEUTRAL, null)))
                .isInstanceOfSatisfying(WorkOrderRejectedException.class,
                        e -> assertThat(e.getMessage()).contains("not reached"));
        assertThatThrownBy(() -> apply(Status.OPEN, 0, new Attempt(false, null, "x".repeat(2001))))
                .hasMessageContaining("2000");
    }

    @Test
    void satisfactionParsesTheApisSpellingsAndNamesTheChoicesWhenWrong() {
        assertThat(Satisfaction.of("very-dissatisfied")).isEqualTo(Satisfaction.VERY_DISSATISFIED);
        assertThat(Satisfaction.of(" neutral ")).isEqualTo(Satisfaction.NEUTRAL);
        assertThatThrownBy(() -> Satisfaction.of("happy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VERY_SATISFIED");
    }
}
