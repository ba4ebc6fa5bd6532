package org.hotline.cti.customerimport;

/**
 * How to run an import: {@code dryRun} validates only and writes nothing; rows on lines up to
 * {@code resumeAfterLine} are skipped unread (they were committed by an earlier, interrupted run of the same file).
 */
public record ImportOptions(boolean dryRun, long resumeAfterLine) {

    /** A full import from the first row. */
    public static ImportOptions importAll() {
        return new ImportOptions(false, 0);
    }

    /** A validation-only run. */
    public static ImportOptions dryRunOnly() {
        return new ImportOptions(true, 0);
    }
}
