package org.hotline.workorder;

/**
 * A time point of an order's clock. A fault repair uses A–H (A the customer hangs up … H the crew on site); other
 * order types use the first points of the same alphabet, as many as their configured stages need.
 */
public enum Point {
    A, B, C, D, E, F, G, H, I, J, K, L;

    /** The point after this one, or null for the last letter. */
    public Point next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    /** The point with this letter (case-insensitive). @throws IllegalArgumentException for anything else */
    public static Point of(String letter) {
        if (letter != null && letter.strip().length() == 1) {
            char c = Character.toUpperCase(letter.strip().charAt(0));
            if (c >= 'A' && c <= 'L') {
                return values()[c - 'A'];
            }
        }
        throw new IllegalArgumentException("point: '" + letter + "' (expected: a letter A to L)");
    }
}
