package org.hotline.sms.message;

/** How an SMSC writes a message id in one place (submit_sm_resp, or deliver_sm receipts). */
public enum MessageIdFormat {
    /** An opaque string, compared exactly after trimming. */
    STRING,
    /** A decimal number; leading zeros do not matter. */
    DECIMAL,
    /** A hexadecimal number, any case; leading zeros do not matter. */
    HEX
}
