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
 */
record Claimed(long id, String destination, String body, int attempts, Set<Integer> knownParts) {
}
