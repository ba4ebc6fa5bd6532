package org.hotline.cti.area;

/** Why an area matched a query, best first: results are ordered by this, then by closeness within a kind. */
public enum MatchKind {
    /** The name's initials equal the typed letters (jsnl → 建设南路). */
    EXACT_INITIALS,
    /** The name's initials start with the typed letters (jsn → 建设南路). */
    INITIALS_PREFIX,
    /** The area code starts with (or equals) the typed text (a01 → A0123). */
    CODE_PREFIX,
    /** The name contains the typed Chinese text (南路 → 建设南路). */
    CHINESE_SUBSTRING
}
