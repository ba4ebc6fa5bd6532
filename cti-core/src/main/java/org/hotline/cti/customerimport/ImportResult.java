package org.hotline.cti.customerimport;

import java.util.List;

/**
 * What an import did: the final counts, the first bad rows (up to {@code hotline.import.max-bad-rows}) and whether
 * it was a dry run (then {@code rowsImported} counts the rows that would be imported).
 */
public record ImportResult(boolean dryRun, ImportProgress progress, List<BadRow> badRows) {

    public ImportResult {
        badRows = List.copyOf(badRows);
    }
}
