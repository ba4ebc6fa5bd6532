package org.hotline.cti.network.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.cti.network.RowError;

/**
 * A parsed CSV file (RFC 4180 quoting, comma separated, UTF-8 with or without BOM, one record per line): a header of
 * column names (case and surrounding space ignored) and the data rows with their line numbers. Blank lines are
 * skipped. Problems (unterminated quotes, wrong field counts, missing columns) are collected as {@link RowError}s.
 */
public final class CsvTable {

    /** One data row and its line number in the file. */
    public record Row(int line, List<String> fields) {
    }

    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();

    private CsvTable() {
    }

    /** Parses {@code text}, requiring every column of {@code required}; problems go to {@link #errors()}. */
    public static CsvTable parse(String text, List<String> required) {
        CsvTable t = new CsvTable();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\r\n|\n|\r", -1);
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            String problem = split(lines[i], fields);
            if (problem != null) {
                t.errors.add(new RowError(lineNo, null, problem));
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                for (int c = 0; c < fields.size(); c++) {
                    t.columns.put(fields.get(c).strip().toLowerCase(Locale.ROOT), c);
                }
                for (String name : required) {
                    if (!t.columns.containsKey(name)) {
                        t.errors.add(new RowError(lineNo, name, "missing column (header must name: "
                                + String.join(",", required) + ")"));
                    }
                }
                continue;
            }
            if (fields.size() != t.columns.size()) {
                t.errors.add(new RowError(lineNo, null,
                        fields.size() + " fields (expected: " + t.columns.size() + " as in the header)"));
                continue;
            }
            t.rows.add(new Row(lineNo, fields));
        }
        if (!headerSeen) {
            t.errors.add(new RowError(1, null, "empty file (expected a header: " + String.join(",", required) + ")"));
        }
        return t;
    }

    /** The data rows. */
    public List<Row> rows() {
        return rows;
    }

    /** Problems of the file's form found while parsing. */
    public List<RowError> errors() {
        return errors;
    }

    /** Whether the header has this column. */
    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The stripped value of {@code column} in {@code row}; empty when the header lacks it. */
    public String get(Row row, String column) {
        Integer c = columns.get(column);
        return c == null ? "" : row.fields().get(c).strip();
    }

    private static String split(String line, List<String> out) {
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
            i++;
        }
        if (quoted) {
            return "unterminated quote (a field may not span lines)";
        }
        out.add(field.toString());
        return null;
    }
}
