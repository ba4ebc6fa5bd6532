package org.hotline.sms.arrears;

/** One bad cell or row of an imported file: 1-based line, the column's header name (empty for the whole row). */
public record RowError(int line, String column, String message) {
}
