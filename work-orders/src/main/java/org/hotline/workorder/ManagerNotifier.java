package org.hotline.workorder;

import java.util.List;

/**
 * Sends the second-level escalation (an order still not accepted) by SMS to the receiving unit's two managers.
 * TODO(issue #12, next session): the server wires an implementation that enqueues in sms-gateway's outbox; until
 * then the escalation is recorded with sms_status {@code not_configured} and pushed to the desktop only.
 */
public interface ManagerNotifier {

    /**
     * Queues the SMS to {@code phones} about {@code alarm}; returns whether it was queued.
     *
     * @param unitName the receiving unit
     */
    boolean notifyManagers(AlarmView alarm, String unitName, List<String> phones);
}
