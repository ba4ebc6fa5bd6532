package org.hotline.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A report as a table for export: headers and rows of cells (text or numbers), written as CSV (UTF-8 with a BOM so
 * Excel reads Chinese) or XLSX (streamed). A text cell that starts with {@code = + - @} (or a tab or carriage return)
 * is prefixed with an apostrophe, so a spreadsheet shows it instead of running it as a formula.
 */
public record ReportTable(String title, List<String> headers, List<List<Object>> rows) {

    /** Writes the table as CSV. */
    public void csv(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\ufeff');
        line(w, List.copyOf(headers));
        for (List<Object> row : rows) {
            line(w, row);
        }
        w.flush();
    }

    /** Writes the table as an XLSX workbook with one sheet. */
    public void xlsx(OutputStream out) throws IOException {
        xlsx(List.of(this), out);
    }

    /** Writes tables as one XLSX workbook, a sheet each. */
    public static void xlsx(List<ReportTable> tables, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            for (ReportTable table : tables) {
                table.sheet(book);
            }
            book.write(out);
            book.dispose();
        }
    }

    private void sheet(SXSSFWorkbook book) {
        Sheet sheet = book.createSheet(title);
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(headers.get(i));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> cells = rows.get(r);
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(i).setCellValue(neutralised(v.toString()));
                }
            }
        }
    }

    private static void line(Writer w, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            String text = v instanceof Number ? v.toString() : neutralised(v.toString());
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            w.write(text);
        }
        w.write("\r\n");
    }

    /** The text a spreadsheet shows as text: formula-starting characters get an apostrophe first. */
    public static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
