package org.hotline.sms.smpp;

import org.hotline.sms.message.ReceivedPart;

/**
 * Takes what SMSCs deliver. Called on SMPP threads; a method returns only once the item is stored, because the
 * deliver_sm is acknowledged after it returns; one that throws makes the SMSC deliver the item again later.
 */
public interface SmscListener {

    /** A delivery receipt. */
    void onReceipt(SmscReceipt receipt);

    /** One part (or the whole) of a mobile-originated message. */
    void onMessage(String smsc, String destination, ReceivedPart part);
}
