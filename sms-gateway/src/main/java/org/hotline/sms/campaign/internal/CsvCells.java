package org.hotline.sms.campaign.internal;

import java.util.List;

/** CSV output safe for spreadsheets: quoted cells, and cells that a spreadsheet would run as formulas defused. */
public final class CsvCells {

    private CsvCells() {
    }

    /** One CSV line (CRLF-terminated) of {@code cells}. */
    public static String row(List<String> cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(cell(cells.get(i)));
        }
        return s.append("\r\n").toString();
    }

    /**
     * One cell, always quoted so numbers stay text-like; a leading = + - @ (or tab / CR) gets an apostrophe so a
     * spreadsheet shows it instead of evaluating it (CSV injection).
     */
    public static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
