package org.hotline.sms.message;

import java.time.Instant;

/**
 * A received message with all its parts joined.
 *
 * @param source the sender's address
 * @param dataCoding the data_coding its parts arrived with
 * @param reference concatenation reference (0 for an unsplit message)
 * @param parts how many parts it came in
 * @param text the whole text
 * @param firstPartAt when its first part arrived
 */
public record ReceivedMessage(String source, int dataCoding, int reference, int parts, String text, Instant firstPartAt) {
}
