package org.hotline.cti.wallboard.internal;

import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.wallboard.Alert;
import org.hotline.cti.wallboard.WallboardProperties.Thresholds;

/** Turns a queue's live figures into alerts; pure. */
public final class AlertRules {

    private AlertRules() {
    }

    /**
     * The alerts of one queue: longest wait ≥ a limit; service level of the last hour below a ratio (only once
     * something was answered or abandoned in it); agents ready ≤ a count while at least one call waits.
     */
    public static List<Alert> evaluate(String queue, Thresholds t, long waiting, double longestWaitSeconds,
                                       Double serviceLevel, int agentsReady) {
        List<Alert> alerts = new ArrayList<>(3);
        double critWait = t.longestWaitCritical().toMillis() / 1000.0;
        double warnWait = t.longestWaitWarning().toMillis() / 1000.0;
        if (waiting > 0 && longestWaitSeconds >= critWait) {
            alerts.add(new Alert(queue, Alert.Kind.LONGEST_WAIT, Alert.Level.CRITICAL, longestWaitSeconds, critWait));
        } else if (waiting > 0 && longestWaitSeconds >= warnWait) {
            alerts.add(new Alert(queue, Alert.Kind.LONGEST_WAIT, Alert.Level.WARNING, longestWaitSeconds, warnWait));
        }
        if (serviceLevel != null && serviceLevel < t.serviceLevelCritical()) {
            alerts.add(new Alert(queue, Alert.Kind.SERVICE_LEVEL, Alert.Level.CRITICAL, serviceLevel,
                    t.serviceLevelCritical()));
        } else if (serviceLevel != null && serviceLevel < t.serviceLevelWarning()) {
            alerts.add(new Alert(queue, Alert.Kind.SERVICE_LEVEL, Alert.Level.WARNING, serviceLevel,
                    t.serviceLevelWarning()));
        }
        if (waiting > 0 && agentsReady <= t.agentsReadyCritical()) {
            alerts.add(new Alert(queue, Alert.Kind.AGENTS_READY, Alert.Level.CRITICAL, agentsReady,
                    t.agentsReadyCritical()));
        } else if (waiting > 0 && agentsReady <= t.agentsReadyWarning()) {
            alerts.add(new Alert(queue, Alert.Kind.AGENTS_READY, Alert.Level.WARNING, agentsReady,
                    t.agentsReadyWarning()));
        }
        return alerts;
    }
}
