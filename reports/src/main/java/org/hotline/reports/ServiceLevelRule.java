package org.hotline.reports;

import java.util.Locale;

/**
 * How a service level is counted (docs/kpis.md): each report states the rule and its T. The established systems
 * disagree, so the company picks a default ({@code hotline.reports.service-level-rule}) and a report may ask for another.
 */
public enum ServiceLevelRule {
    /** Asterisk's ServiceLevelPerf, Wazo: answered within T ÷ answered; abandons ignored. */
    ANSWERED("answered", "answered within T ÷ answered", "T 内接听 ÷ 接听"),
    /** Asterisk's ServiceLevelPerf2: (answered within T + abandoned within T) ÷ (answered + abandoned). */
    INCLUSIVE("inclusive", "(answered within T + abandoned within T) ÷ (answered + abandoned)",
            "(T 内接听 + T 内放弃) ÷ (接听 + 放弃)"),
    /** Genesys: answered within T ÷ (answered + abandoned), short abandons left out of the divisor. */
    ABANDONS_COUNT("abandons-count", "answered within T ÷ (answered + abandoned − short abandons)",
            "T 内接听 ÷ (接听 + 放弃 − 短时放弃)");

    private final String code;
    private final String formula;
    private final String formulaZh;

    ServiceLevelRule(String code, String formula, String formulaZh) {
        this.code = code;
        this.formula = formula;
        this.formulaZh = formulaZh;
    }

    /** The value in settings, URLs and exports. */
    public String code() {
        return code;
    }

    /** The formula in English. */
    public String formula() {
        return formula;
    }

    /** The formula in Chinese. */
    public String formulaZh() {
        return formulaZh;
    }

    /** The service level for these counts, or null when the divisor is zero. */
    public Double apply(long answered, long answeredWithinT, long abandoned, long abandonedWithinT, long shortAbandoned) {
        return switch (this) {
            case ANSWERED -> ratio(answeredWithinT, answered);
            case INCLUSIVE -> ratio(answeredWithinT + abandonedWithinT, answered + abandoned);
            case ABANDONS_COUNT -> ratio(answeredWithinT, answered + abandoned - shortAbandoned);
        };
    }

    /** The rule for a setting or URL value. */
    public static ServiceLevelRule ofCode(String code) {
        for (ServiceLevelRule r : values()) {
            if (r.code.equals(code.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new ReportRequestException("rule: '" + code + "' (expected: answered, inclusive or abandons-count)");
    }

    static Double ratio(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }
}
