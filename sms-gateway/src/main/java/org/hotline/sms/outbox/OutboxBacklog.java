package org.hotline.sms.outbox;

/**
 * How much of the outbox is still moving, for monitoring (the {@code hotline.sms.*} gauges).
 *
 * @param queued            messages waiting to be sent (due or not yet due), held campaign messages not included
 * @param inDoubt           messages whose submit may or may not have reached the SMSC, not yet settled
 * @param awaitingReceipt   messages the SMSC accepted in the last 24 hours whose delivery receipt has not come in
 * @param unmatchedReceipts receipts stored but not yet applied to a sent part (the reconciler's backlog)
 */
public record OutboxBacklog(long queued, long inDoubt, long awaitingReceipt, long unmatchedReceipts) {
}
