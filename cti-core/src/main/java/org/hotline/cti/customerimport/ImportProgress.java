package org.hotline.cti.customerimport;

/**
 * How far an import has got: data rows read, rows written (committed) and rejected, bytes read, and the last line
 * whose row is committed (a resumed import starts after it).
 */
public record ImportProgress(long rowsRead, long rowsImported, long rowsFailed, long bytesRead, long lastCommittedLine) {
}
