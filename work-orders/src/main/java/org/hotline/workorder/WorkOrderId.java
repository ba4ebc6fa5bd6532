package org.hotline.workorder;

/** The id of a work order (its {@code work_orders.id}). */
public record WorkOrderId(long value) {
}
