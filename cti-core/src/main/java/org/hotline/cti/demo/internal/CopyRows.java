package org.hotline.cti.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Rows for one table in PostgreSQL's COPY text format, built in memory and sent with one {@code COPY … FROM STDIN}. */
final class CopyRows {

    private final String table;
    private final String columns;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean firstField = true;
    private long rows;

    CopyRows(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    String table() {
        return table;
    }

    long rows() {
        return rows;
    }

    CopyRows add(String value) {
        separator();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
        return this;
    }

    CopyRows add(long value) {
        separator();
        text.append(value);
        return this;
    }

    CopyRows add(boolean value) {
        separator();
        text.append(value ? 't' : 'f');
        return this;
    }

    CopyRows addId(long idOrZero) {
        return idOrZero == 0 ? add((String) null) : add(idOrZero);
    }

    void end() {
        text.append('\n');
        firstField = true;
        rows++;
    }

    /** Sends the buffered rows and clears the buffer. */
    void flush(Connection c) throws SQLException {
        if (text.isEmpty()) {
            return;
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.copyIn("copy " + table + " (" + columns + ") from stdin", new java.io.ByteArrayInputStream(bytes),
                    1 << 16);
        } catch (IOException e) {
            throw new SQLException("copy into " + table + " failed", e);
        }
        text.setLength(0);
    }

    private void separator() {
        if (!firstField) {
            text.append('\t');
        }
        firstField = false;
    }
}
