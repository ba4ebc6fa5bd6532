package org.hotline.workorder.internal;

import java.time.Instant;
import org.hotline.workorder.OrderType;

/** An order's row as the service reads it (limits snapshot parsed). */
public record OrderRow(long id, String orderNo, String type, OrderType snapshot, Long customerId, Long premisesId,
                       Long repairCentreId, String repairCentreCode, Long teamUnitId, String callId,
                       String callerNumber, Instant createdAt, Instant closedAt, String status) {
}
