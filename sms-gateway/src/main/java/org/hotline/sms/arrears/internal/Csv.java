package org.hotline.sms.arrears.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A strict little CSV reader (RFC 4180 quotes, one record per line, UTF-8 with or without BOM). */
public final class Csv {

    private Csv() {
    }

    /** One record: its 1-based line and cells, or the reason the line could not be split. */
    public record Line(int number, List<String> cells, String error) {
    }

    /** Every non-blank line of {@code in}; throws IllegalArgumentException for bytes that are not UTF-8. */
    public static List<Line> read(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    lines.add(split(number, text));
                }
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the file is not UTF-8 text (save it as CSV UTF-8)", e);
        }
        return lines;
    }

    private static Line split(int number, String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            return new Line(number, List.of(), "unterminated quote");
        }
        cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
        return new Line(number, cells, null);
    }
}
