package org.hotline.cti.customerimport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV (UTF-8, BOM optional, quoted cells may hold commas, quotes and line breaks) one record at a
 * time, so a file of any size is read in bounded memory; a record longer than {@link #MAX_RECORD_CHARS} is an error.
 */
public final class CsvStream implements AutoCloseable {

    /** The longest record read: a file that is not CSV (or a quote never closed) fails here instead of filling the heap. */
    public static final int MAX_RECORD_CHARS = 64 * 1024;

    /** One record: the line it starts on and its cells. */
    public record Record(long line, List<String> cells) {
    }

    /** The file cannot be read as CSV from this point on. */
    public static final class CsvException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CsvException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long line = 1;
    private boolean first = true;

    /** Reads {@code in} as UTF-8; bytes that are not UTF-8 end the read with a {@link CsvException}. */
    public CsvStream(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new InputStreamReader(in, decoder);
    }

    /** The next non-blank record, or null at the end of the file. */
    public Record next() throws IOException {
        while (true) {
            if (!fill()) {
                return null;
            }
            long start = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            int length = 0;
            while (true) {
                if (!fill()) {
                    if (quoted) {
                        throw new CsvException("第 " + start + " 行：引号没有闭合", null);
                    }
                    break;
                }
                char ch = buffer[position++];
                if (++length > MAX_RECORD_CHARS) {
                    throw new CsvException("第 " + start + " 行：一条记录超过 " + MAX_RECORD_CHARS
                            + " 个字符（是否有引号没有闭合？）", null);
                }
                if (quoted) {
                    if (ch == '"') {
                        if (fill() && buffer[position] == '"') {
                            position++;
                            cell.append('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        cell.append(ch);
                    }
                } else if (ch == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (ch == ',') {
                    cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (ch == '\n') {
                    line++;
                    break;
                } else if (ch == '\r') {
                    if (fill() && buffer[position] == '\n') {
                        position++;
                    }
                    line++;
                    break;
                } else {
                    cell.append(ch);
                }
            }
            cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
            if (cells.size() == 1 && cells.get(0).isBlank() && !wasQuoted) {
                continue; // blank lines are skipped, as spreadsheets leave them at the end
            }
            return new Record(start, cells);
        }
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        try {
            int n = reader.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            if (first) {
                first = false;
                if (buffer[0] == '\uFEFF') {
                    position = 1; // the byte-order mark spreadsheets write in front of "CSV UTF-8"
                    return fill();
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            throw new CsvException("第 " + line + " 行：文件不是 UTF-8 文本（请另存为“CSV UTF-8”）", e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
