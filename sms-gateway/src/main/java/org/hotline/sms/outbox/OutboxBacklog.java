package org.hotline.sms.outbox;

/**
 * How much of the outbox is still moving, for monitoring (the {@code hotline.sms.*} gauges).
 *
 * @param queued            messages waiting to be sent (due or not yet due), held campaign messages not included
 * @param inDoubt           messages whose submit may or may not have reached the SMSC, not yet settled (held included)
 * @param awaitingReceipt   messages the SMSC accepted in the last 24 hours whose delivery receipt has not come in
 * @param unmatchedReceipts receipts stored but not yet applied to a sent part (the reconciler's backlog)
 * @param held              in-doubt messages held for a person by the {@code hold} policy
 * @param resent            messages sent again after their window without evidence (possible duplicates), ever
 * @param unknown           messages that ended without a receipt (receipt timeout, or closed unsent by a person)
 * @param noRoute           queued messages waiting because no account that takes their number is bound (ADR 0035)
 */
public record OutboxBacklog(long queued, long inDoubt, long awaitingReceipt, long unmatchedReceipts, long held,
                            long resent, long unknown, long noRoute) {

    /** The first four counts, the others zero (tests). */
    public OutboxBacklog(long queued, long inDoubt, long awaitingReceipt, long unmatchedReceipts) {
        this(queued, inDoubt, awaitingReceipt, unmatchedReceipts, 0, 0, 0, 0);
    }
}
