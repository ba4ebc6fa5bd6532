package org.hotline.sms.message;

/** The alphabet a message is sent in, with its SMPP 3.4 data_coding and per-message capacity in characters. */
public enum SmsEncoding {
    /** GSM 03.38 default alphabet (data_coding 0); capacities in septets, an extension character takes two. */
    GSM7(0x00, 160, 153),
    /** UCS-2 big-endian (data_coding 8); capacities in UTF-16 code units. */
    UCS2(0x08, 70, 67);

    private final int dataCoding;
    private final int singleCapacity;
    private final int partCapacity;

    SmsEncoding(int dataCoding, int singleCapacity, int partCapacity) {
        this.dataCoding = dataCoding;
        this.singleCapacity = singleCapacity;
        this.partCapacity = partCapacity;
    }

    /** The SMPP 3.4 §5.2.19 data_coding value. */
    public int dataCoding() {
        return dataCoding;
    }

    /** Units (septets or UTF-16 code units) one unsplit message holds. */
    public int singleCapacity() {
        return singleCapacity;
    }

    /** Units one part of a concatenated message holds after its 6-octet UDH. */
    public int partCapacity() {
        return partCapacity;
    }
}
