package org.hotline.cti.customerimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customerimport.internal.CountingInputStream;
import org.hotline.cti.customerimport.internal.CsvStream;
import org.hotline.cti.customerimport.internal.ImportRow;
import org.hotline.cti.customerimport.internal.ParallelWriters;
import org.hotline.cti.customerimport.internal.RowValidator;
import org.hotline.cti.customerimport.internal.XlsxCsv;

/**
 * Imports customers, their phones, accounts, premises, meters and arrears from a CSV file in the documented format
 * (docs/customer-import.md), or from the first sheet of an XLSX workbook with the same columns: reads the file once, row by row, validates each row, and writes the valid ones in
 * batches of {@code hotline.import.batch-size}, each committed on its own, so memory stays bounded whatever the file
 * size and an interrupted import can resume after the last committed line. Idempotent: the same file twice changes
 * nothing the second time.
 */
public final class CustomerImport {

    private final DataSource dataSource;
    private final PhoneNumbers phoneNumbers;
    private final CustomerImportProperties properties;

    /** An importer writing to {@code dataSource}, normalizing numbers with {@code phoneNumbers}. */
    public CustomerImport(DataSource dataSource, PhoneNumbers phoneNumbers, CustomerImportProperties properties) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /**
     * Reads {@code in} to its end (the caller closes it) and imports (or, for a dry run, only checks) every row;
     * {@code progress} hears after each batch. Throws {@link ImportFileException} when the file as a whole is
     * unreadable; the batches committed before that stay.
     */
    public ImportResult run(InputStream in, ImportOptions options, Consumer<ImportProgress> progress)
            throws IOException {
        BufferedInputStream peek = new BufferedInputStream(in, 1 << 16);
        if (XlsxCsv.isOldExcel(peek)) {
            throw new ImportFileException("旧版 Excel 文件（.xls）不能导入：请在表格软件中另存为 .xlsx 或 CSV UTF-8", null);
        }
        if (XlsxCsv.isZip(peek)) {
            // an XLSX workbook: its first sheet read as the same CSV, row N on line N
            try (XlsxCsv sheet = XlsxCsv.open(peek)) {
                return run(new CsvStream(sheet), sheet::bytesRead, options, progress);
            }
        }
        CountingInputStream counted = new CountingInputStream(peek);
        return run(new CsvStream(counted), counted::count, options, progress);
    }

    private ImportResult run(CsvStream csv, LongSupplier bytesRead, ImportOptions options,
                             Consumer<ImportProgress> progress) throws IOException {
        try {
            CsvStream.Record header = csv.next();
            if (header == null) {
                throw new ImportFileException("文件是空的（应先有表头行："
                        + String.join(",", CustomerImportFormat.COLUMNS) + "）", null);
            }
            RowValidator validator = new RowValidator(header.cells(), phoneNumbers, areaIds());
            try (ParallelWriters writers = new ParallelWriters(dataSource,
                    options.dryRun() ? 0 : properties.writers())) {
                return new Run(csv, validator, bytesRead, options, progress, writers).go();
            }
        } catch (CsvStream.CsvException e) {
            throw new ImportFileException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("customer import failed: " + e.getMessage(), e);
        }
    }

    private Map<String, Long> areaIds() throws SQLException {
        // the network is small (thousands of areas): one read lets every row be checked without a query
        Map<String, Long> ids = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select code, id from transformer_areas");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    /** One pass over one file. */
    private final class Run {
        private final CsvStream csv;
        private final RowValidator validator;
        private final LongSupplier bytesRead;
        private final ImportOptions options;
        private final Consumer<ImportProgress> progress;
        private final ParallelWriters writers;
        private final List<BadRow> badRows = new ArrayList<>();
        private long read;
        private long imported;
        private long failed;
        private long lastLine;
        private long committedLine;
        private long pendingLine;
        private int sinceReport;

        Run(CsvStream csv, RowValidator validator, LongSupplier bytesRead, ImportOptions options,
            Consumer<ImportProgress> progress, ParallelWriters writers) {
            this.csv = csv;
            this.validator = validator;
            this.bytesRead = bytesRead;
            this.options = options;
            this.progress = progress;
            this.writers = writers;
        }

        ImportResult go() throws IOException, SQLException {
            committedLine = options.resumeAfterLine();
            pendingLine = committedLine;
            int round = properties.batchSize() * Math.max(1, properties.writers());
            CsvStream.Record record;
            while ((record = csv.next()) != null) {
                read++;
                lastLine = record.line();
                if (record.line() <= options.resumeAfterLine()) {
                    continue; // committed by the run being resumed
                }
                Object checked = validator.validate(record.line(), record.cells());
                if (checked instanceof BadRow bad) {
                    failed++;
                    if (badRows.size() < properties.maxBadRows()) {
                        badRows.add(bad);
                    }
                } else {
                    if (!options.dryRun()) {
                        writers.add((ImportRow) checked);
                    }
                    imported++;
                }
                if (writers.size() >= round || ++sinceReport >= round) {
                    flush(false);
                }
            }
            flush(true);
            return new ImportResult(options.dryRun(), snapshot(), badRows);
        }

        // the previous round is committed once await returns; this round is written while the next one is read
        private void flush(boolean last) throws SQLException {
            writers.await();
            committedLine = Math.max(committedLine, pendingLine);
            writers.submit();
            pendingLine = lastLine;
            if (last) {
                writers.await();
                committedLine = Math.max(committedLine, pendingLine);
            }
            sinceReport = 0;
            progress.accept(snapshot());
        }

        private ImportProgress snapshot() {
            return new ImportProgress(read, imported, failed, bytesRead.getAsLong(), committedLine);
        }
    }
}
