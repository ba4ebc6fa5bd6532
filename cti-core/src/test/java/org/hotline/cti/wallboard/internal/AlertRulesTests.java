package org.hotline.cti.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hotline.cti.wallboard.Alert;
import org.hotline.cti.wallboard.Alert.Kind;
import org.hotline.cti.wallboard.Alert.Level;
import org.hotline.cti.wallboard.WallboardProperties.Thresholds;
import org.junit.jupiter.api.Test;

/** Thresholds become alerts with a level; a quiet queue raises none. */
class AlertRulesTests {

    static final Thresholds T = new Thresholds(Duration.ofSeconds(60), Duration.ofSeconds(120), 0.8, 0.6, 1, 0);

    @Test
    void longestWaitWarnsAtTheWarningLimitAndIsCriticalAtTheCriticalOne() {
        assertThat(AlertRules.evaluate("q", T, 1, 59, null, 3)).isEmpty();
        assertThat(AlertRules.evaluate("q", T, 1, 60, null, 3))
                .containsExactly(new Alert("q", Kind.LONGEST_WAIT, Level.WARNING, 60, 60));
        assertThat(AlertRules.evaluate("q", T, 1, 130, null, 3))
                .containsExactly(new Alert("q", Kind.LONGEST_WAIT, Level.CRITICAL, 130, 120));
    }

    @Test
    void serviceLevelBelowTheRatiosAlertsEvenWithNobodyWaiting() {
        assertThat(AlertRules.evaluate("q", T, 0, 0, 0.8, 3)).isEmpty();
        assertThat(AlertRules.evaluate("q", T, 0, 0, 0.7, 3)).extracting(Alert::level).containsExactly(Level.WARNING);
        assertThat(AlertRules.evaluate("q", T, 0, 0, 0.5, 3)).extracting(Alert::level).containsExactly(Level.CRITICAL);
    }

    @Test
    void fewReadyAgentsAlertOnlyWhileCallsWait() {
        assertThat(AlertRules.evaluate("q", T, 0, 0, null, 0)).isEmpty();
        List<Alert> one = AlertRules.evaluate("q", T, 2, 5, null, 1);
        assertThat(one).containsExactly(new Alert("q", Kind.AGENTS_READY, Level.WARNING, 1, 1));
        assertThat(AlertRules.evaluate("q", T, 2, 5, null, 0)).extracting(Alert::level)
                .containsExactly(Level.CRITICAL);
    }
}
