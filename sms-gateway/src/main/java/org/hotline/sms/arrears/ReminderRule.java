package org.hotline.sms.arrears;

import java.math.BigDecimal;
import java.util.List;

/**
 * Who gets a reminder. {@code ARREARS}: arrears rows with {@code amount >= minAmount} and at least the first step of
 * {@code steps} days overdue (the row's step is the highest one reached); {@code IC_CARD}: prepaid meters whose
 * balance is at most {@code maxBalance}.
 */
public record ReminderRule(Type type, BigDecimal minAmount, List<Integer> steps, BigDecimal maxBalance) {

    /** What the rule reads. */
    public enum Type {
        /** The imported arrears. */
        ARREARS,
        /** The imported IC-card balances. */
        IC_CARD
    }

    /** Checks the rule: steps ascending and positive, amounts present for the type. */
    public ReminderRule {
        if (type == null) {
            throw new IllegalArgumentException("rule type missing (expected: ARREARS or IC_CARD)");
        }
        steps = steps == null ? List.of() : List.copyOf(steps);
        if (type == Type.ARREARS) {
            if (minAmount == null || minAmount.signum() < 0) {
                throw new IllegalArgumentException("minAmount must be >= 0");
            }
            if (steps.isEmpty() || steps.get(0) < 1) {
                throw new IllegalArgumentException("steps must be days overdue >= 1, e.g. [15, 30, 60]");
            }
            for (int i = 1; i < steps.size(); i++) {
                if (steps.get(i) <= steps.get(i - 1)) {
                    throw new IllegalArgumentException("steps must ascend: " + steps);
                }
            }
        } else if (maxBalance == null) {
            throw new IllegalArgumentException("maxBalance missing for an IC_CARD rule");
        }
    }

    /** The highest step {@code daysOverdue} has reached, or 0 for none. */
    public int stepFor(int daysOverdue) {
        int step = 0;
        for (int s : steps) {
            if (daysOverdue >= s) {
                step = s;
            }
        }
        return step;
    }
}
