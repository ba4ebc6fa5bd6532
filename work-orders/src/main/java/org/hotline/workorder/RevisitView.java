package org.hotline.workorder;

import java.time.Instant;
import java.util.List;

/**
 * A revisit (回访) as the agents' list shows it.
 *
 * @param id           the revisit's id
 * @param orderId      the order
 * @param orderNo      its number
 * @param type         the order type's code
 * @param typeLabel    the type's label (报修 fault repair)
 * @param customerName the customer's name, or null
 * @param number       the number to call back: the order's caller number, else the customer's primary phone
 * @param status       open, satisfied, dissatisfied or unreachable
 * @param doneAt       when the work was reported done
 * @param createdAt    when the revisit appeared
 * @param attempts     calls made so far
 * @param maxAttempts  calls allowed without reaching the customer
 * @param finishedAt   when it finished, or null
 * @param history      the calls so far, oldest first
 */
public record RevisitView(long id, long orderId, String orderNo, String type, String typeLabel, String customerName,
                          String number, String status, Instant doneAt, Instant createdAt, int attempts,
                          int maxAttempts, Instant finishedAt, List<AttemptView> history) {

    /** The push message type of a revisit that appeared or changed, sent to every agent's desk. */
    public static final String PUSH_TYPE = "workorder-revisit";

    /**
     * One call of a revisit.
     *
     * @param attemptNo    1, 2, …
     * @param reached      whether the customer was reached
     * @param satisfaction their answer, or null
     * @param notes        the agent's notes, or null
     * @param callId       the call placed from the revisit, or null
     * @param recordedBy   who recorded it
     * @param recordedAt   when
     */
    public record AttemptView(int attemptNo, boolean reached, Satisfaction satisfaction, String notes, String callId,
                              String recordedBy, Instant recordedAt) {
    }
}
