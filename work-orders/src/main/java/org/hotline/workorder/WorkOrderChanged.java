package org.hotline.workorder;

/**
 * An order changed and the change is committed: what happened and the order as lists now show it. Listeners
 * registered with {@link WorkOrders#onChange} get it after the transaction; the server pushes it to supervisors
 * ({@link #PUSH_TYPE}) so that every open page updates without polling.
 *
 * @param change what happened
 * @param order  the order after the change
 */
public record WorkOrderChanged(Change change, WorkOrderSummary order) {

    /** The push message type of order changes, sent to the supervisors' topic. */
    public static final String PUSH_TYPE = org.hotline.cti.push.PushMessage.TYPE_WORKORDER_CHANGED;

    /** What happened to the order. */
    public enum Change {
        /** The order was created. */
        CREATED,
        /** A time point was recorded or corrected. */
        POINT_RECORDED,
        /** The order was routed again after a wrong routing. */
        REROUTED,
        /** The work was reported done (the revisit follows). */
        DONE,
        /** A done order was reopened. */
        REOPENED,
        /** The order was closed. */
        CLOSED
    }
}
