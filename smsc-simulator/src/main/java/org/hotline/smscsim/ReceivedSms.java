package org.hotline.smscsim;

/**
 * A whole message as reassembled from its parts at the simulator.
 *
 * @param destination destination_addr
 * @param dataCoding data_coding of its parts
 * @param parts how many parts it had
 * @param payload the parts' payloads (after their UDH) joined, byte for byte
 * @param text the payload decoded (UCS-2, or GSM 03.38 unpacked)
 */
public record ReceivedSms(String destination, int dataCoding, int parts, byte[] payload, String text) {
}
