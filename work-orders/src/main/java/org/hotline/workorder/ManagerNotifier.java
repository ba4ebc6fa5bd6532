package org.hotline.workorder;

import java.util.List;

/**
 * Sends the second-level escalation (an order still not accepted) by SMS to the receiving unit's two managers.
 * The server wires one over sms-gateway's outbox; without one the escalation is recorded {@code not_configured}
 * and reaches the desktop only.
 */
public interface ManagerNotifier {

    /** What became of the SMS. */
    enum Outcome {
        /** Queued for sending. */
        SENT,
        /** Not sent: the company's quiet hours (the desktop alarm is never held). */
        QUIET_HOURS,
        /** Not sent for another reason (no outbox, bad number). */
        NOT_SENT
    }

    /**
     * Queues the SMS about {@code alarm} to {@code phones}; must be idempotent per alarm (the scheduler may call it
     * again if its transaction fails after the call).
     *
     * @param unitName the receiving unit
     */
    Outcome notifyManagers(AlarmView alarm, String unitName, List<String> phones);
}
