package org.hotline.cti.customer;

/**
 * A phone number as received ({@code raw}) and in the canonical form used for lookups ({@code normalized}:
 * 11-digit mobile, area code with leading 0 plus local number for landlines, the bare digits of a service number).
 */
public record PhoneNumber(String raw, String normalized, Kind kind) {

    /** What sort of number it is. */
    public enum Kind {
        /** An 11-digit mainland mobile (1[3-9]x). */
        MOBILE,
        /** A fixed line with area code. */
        LANDLINE,
        /** A short service number such as 95598 or 12345. */
        SERVICE,
        /** Withheld, anonymous or unknown: never looked up. */
        WITHHELD,
        /** Not a number we can use. */
        INVALID
    }

    /** True when the number may be looked up in customer records. */
    public boolean lookupable() {
        return kind == Kind.MOBILE || kind == Kind.LANDLINE || kind == Kind.SERVICE;
    }
}
