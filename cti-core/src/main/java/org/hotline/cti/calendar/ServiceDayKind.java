package org.hotline.cti.calendar;

import java.util.Locale;

/** What an exception day of the service calendar does to the weekly opening hours. */
public enum ServiceDayKind {
    /** A public holiday: closed all day. */
    HOLIDAY("holiday"),
    /** A make-up working day (调休上班): open with the weekly hours, even on a day the week would close. */
    WORKDAY("workday"),
    /** Open only from the day's own opening to its closing time. */
    SPECIAL_HOURS("special-hours");

    private final String code;

    ServiceDayKind(String code) {
        this.code = code;
    }

    /** The code stored and used in JSON: holiday, workday, special-hours. */
    public String code() {
        return code;
    }

    /** The kind of {@code code}, refusing anything else with the codes expected. */
    public static ServiceDayKind ofCode(String code) {
        for (ServiceDayKind k : values()) {
            if (k.code.equals(code == null ? null : code.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind: '" + code + "' (expected: holiday, workday or special-hours)");
    }
}
