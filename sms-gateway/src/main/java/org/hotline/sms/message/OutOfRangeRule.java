package org.hotline.sms.message;

/** What to do with characters that UCS-2 cannot carry (outside the Basic Multilingual Plane, or lone surrogates). */
public enum OutOfRangeRule {
    /** Replace each such character (a whole surrogate pair) by one '?'. */
    REPLACE,
    /** Refuse the text with an error naming the character and its index. */
    REJECT,
    /**
     * Send the surrogate pair as UTF-16 in data_coding 8, which current handsets display; counts 2 units and is
     * never split across parts. Lone surrogates are still rejected.
     */
    KEEP_AS_UTF16
}
