package org.hotline.sms.message;

/** How GSM-7 text is laid out in short_message for data_coding 0 (SMPP 3.4 §5.2.19 leaves it to the SMSC). */
public enum Gsm7Packing {
    /** One septet per octet, the SMSC packs for the air interface: what most SMSCs expect for data_coding 0. */
    UNPACKED,
    /** Septets packed 8 into 7 octets, after the UDH with fill bits to a septet boundary (TP-UD as on the air). */
    PACKED
}
