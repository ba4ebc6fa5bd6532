package org.hotline.sms.outbox.internal;

import java.util.List;
import org.hotline.sms.smpp.SubmitResult;

/**
 * What one attempt at a message achieved.
 *
 * @param message the claimed message
 * @param total its number of parts
 * @param accepted parts the SMSC accepted in this attempt
 * @param last the result that ended the attempt (ACCEPTED when every part went)
 * @param account the account it went (or was going) through, null when none was tried
 */
record SendResult(Claimed message, int total, List<AcceptedPart> accepted, SubmitResult last, String account) {

    /** One part the SMSC took. */
    record AcceptedPart(int seq, String smsc, String smscMessageId) {
    }
}
