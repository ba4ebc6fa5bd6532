package org.hotline.sms.smpp;

/**
 * One submit_sm to make: a whole short message or one part of a long one.
 *
 * @param destination the mobile number
 * @param dataCoding 0 (GSM-7) or 8 (UCS-2)
 * @param esmClass 0, or 0x40 when {@code shortMessage} starts with a UDH
 * @param shortMessage the octets, UDH included
 * @param sourceAddress the source address to send from (the account's 106 code and the purpose's extension); null:
 *     the account's {@code source-address}
 */
public record OutboundPart(String destination, int dataCoding, int esmClass, byte[] shortMessage,
                           String sourceAddress) {

    /** A part sent from the account's own source address. */
    public OutboundPart(String destination, int dataCoding, int esmClass, byte[] shortMessage) {
        this(destination, dataCoding, esmClass, shortMessage, null);
    }
}
