package org.hotline.workorder;

/** How satisfied the customer said they were at a revisit (回访), from very satisfied to very dissatisfied. */
public enum Satisfaction {
    /** 非常满意. */
    VERY_SATISFIED("非常满意"),
    /** 满意. */
    SATISFIED("满意"),
    /** 一般. */
    NEUTRAL("一般"),
    /** 不满意. */
    DISSATISFIED("不满意"),
    /** 非常不满意. */
    VERY_DISSATISFIED("非常不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    /** What agents read. */
    public String label() {
        return label;
    }

    /** Whether this answer reopens the order (dissatisfied or very dissatisfied). */
    public boolean reopens() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }

    /**
     * Parses {@code VERY_SATISFIED}, {@code very_satisfied} or {@code very-satisfied}.
     *
     * @throws IllegalArgumentException naming the expected values
     */
    public static Satisfaction of(String text) {
        String s = text == null ? "" : text.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        for (Satisfaction v : values()) {
            if (v.name().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("satisfaction: '" + text + "' (expected: one of "
                + java.util.Arrays.stream(values()).map(Enum::name).toList() + ")");
    }
}
