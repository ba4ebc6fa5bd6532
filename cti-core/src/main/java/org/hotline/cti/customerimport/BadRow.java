package org.hotline.cti.customerimport;

/**
 * A row that was not imported: its line in the file (1 is the header), the column at fault (empty when the whole
 * row is at fault) and the reason in a sentence.
 */
public record BadRow(long line, String column, String reason) {
}
