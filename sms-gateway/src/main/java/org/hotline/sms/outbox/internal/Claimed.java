package org.hotline.sms.outbox.internal;

import java.util.Set;

/**
 * A message the sender claimed (now {@code submitting}).
 *
 * @param id the row
 * @param destination the number
 * @param body the text
 * @param attempts attempts including this one
 * @param knownParts parts the SMSC already accepted in an earlier attempt (not sent again)
 * @param sourceExtension the 106 extension it is sent with, or null
 * @param pinned the account that accepted the known parts (the others must go the same way), or null
 * @param notBefore its place in the due order with {@code id} (where the next claim may start)
 */
record Claimed(long id, String destination, String body, int attempts, Set<Integer> knownParts,
               String sourceExtension, String pinned, java.time.Instant notBefore) {
}
