package org.hotline.cti.network;

/** One problem in an imported CSV: the file's line number (header is line 1), the column name and what is wrong. */
public record RowError(int line, String column, String message) {
}
