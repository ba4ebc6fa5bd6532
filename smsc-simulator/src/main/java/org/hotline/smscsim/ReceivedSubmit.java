package org.hotline.smscsim;

/**
 * One submit_sm the simulator accepted.
 *
 * @param messageId the id it answered with (as written in submit_sm_resp)
 * @param destination destination_addr
 * @param dataCoding data_coding
 * @param esmClass esm_class
 * @param shortMessage short_message as received, UDH included
 * @param partText this part's text (after the UDH), decoded
 * @param sourceAddress source_addr (the account's code and any extension)
 */
public record ReceivedSubmit(String messageId, String destination, int dataCoding, int esmClass, byte[] shortMessage,
                             String partText, String sourceAddress) {
}
