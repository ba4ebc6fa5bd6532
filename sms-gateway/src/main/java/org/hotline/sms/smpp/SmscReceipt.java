package org.hotline.sms.smpp;

import org.hotline.sms.message.DeliveryReceipt;

/**
 * A delivery receipt as it arrived from an SMSC.
 *
 * @param smsc the configured name of the SMSC
 * @param messageId the id it refers to, canonical (the receipted_message_id TLV, else {@code id:})
 * @param destination the number the message went to (the receipt's source_addr)
 * @param source the address the message was sent from (the receipt's destination_addr), may be empty
 * @param receipt the receipt text read field by field
 */
public record SmscReceipt(String smsc, String messageId, String destination, String source, DeliveryReceipt receipt) {
}
