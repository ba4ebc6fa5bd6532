package org.hotline.sms.message;

import java.util.List;

/**
 * A text encoded for submit_sm: the alphabet and the parts in order.
 *
 * @param encoding GSM-7 or UCS-2
 * @param packing for GSM-7, how septets are laid out
 * @param text the text as sent, after out-of-range replacement
 * @param replaced characters replaced by '?'
 * @param parts the parts, sequence 1 first
 */
public record EncodedSms(SmsEncoding encoding, Gsm7Packing packing, String text, int replaced, List<SmsPart> parts) {

    /** Copies the part list. */
    public EncodedSms {
        parts = List.copyOf(parts);
    }

    /** The data_coding to submit every part with. */
    public int dataCoding() {
        return encoding.dataCoding();
    }
}
