package org.hotline.cti.customerimport.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.hotline.cti.customerimport.ImportFileException;

/**
 * The first worksheet of an XLSX workbook read as the CSV the importer reads, one row a line, row N on line N (so
 * bad rows and a resume name the spreadsheet's own row numbers). Memory stays bounded whatever the workbook's size:
 * the upload is spooled to a temporary file (a zip is read from its end), the shared strings go to two more temporary
 * files read through memory maps, and the sheet is parsed as a stream (StAX). Dates are written as {@code yyyy-MM-dd},
 * numbers without exponent or trailing zeros. Closing deletes the temporary files.
 */
public final class XlsxCsv extends InputStream {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;
    private final Path strings;
    private final Path offsets;
    private final ZipFile zip;
    private final XlsxParts.SharedStrings shared;
    private final Set<Integer> dateStyles;
    private final boolean date1904;
    private final CountingInputStream sheetBytes;
    private final long sheetSize;
    private final long fileSize;
    private final XMLStreamReader sheet;
    private byte[] line = new byte[0];
    private int pos;
    private long lineNo;
    private int width = -1;
    private boolean done;

    /** Whether {@code in} (mark supported) starts like a zip file, as every XLSX does. Reads nothing for good. */
    public static boolean isZip(BufferedInputStream in) throws IOException {
        return startsWith(in, new byte[] {'P', 'K', 3, 4});
    }

    /** Whether {@code in} (mark supported) starts like an old binary Excel file (.xls), which is refused. */
    public static boolean isOldExcel(BufferedInputStream in) throws IOException {
        return startsWith(in, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
    }

    private static boolean startsWith(BufferedInputStream in, byte[] magic) throws IOException {
        in.mark(magic.length);
        byte[] head = in.readNBytes(magic.length);
        in.reset();
        return java.util.Arrays.equals(head, magic);
    }

    /**
     * Spools {@code upload} to a temporary file and opens its first worksheet as CSV.
     *
     * @throws ImportFileException when it is no readable XLSX workbook
     */
    public static XlsxCsv open(InputStream upload) throws IOException {
        Path file = Files.createTempFile("hotline-import-", ".xlsx");
        try {
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            return new XlsxCsv(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private XlsxCsv(Path file) throws IOException {
        this.file = file;
        this.fileSize = Files.size(file);
        this.strings = Files.createTempFile("hotline-import-", ".sst");
        this.offsets = Files.createTempFile("hotline-import-", ".idx");
        try {
            this.zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            deleteTemp();
            throw new ImportFileException("不是有效的 XLSX 文件（" + e.getMessage() + "）：请在表格软件中另存为 .xlsx 或 CSV UTF-8",
                    e);
        }
        try {
            XlsxParts.Workbook book = XlsxParts.workbook(zip);
            this.date1904 = book.date1904();
            this.dateStyles = XlsxParts.dateStyles(zip);
            this.shared = XlsxParts.sharedStrings(zip, strings, offsets);
            ZipEntry entry = zip.getEntry(book.firstSheet());
            if (entry == null) {
                throw new ImportFileException("XLSX 文件中没有工作表（" + book.firstSheet() + "）", null);
            }
            this.sheetSize = entry.getSize();
            this.sheetBytes = new CountingInputStream(zip.getInputStream(entry));
            this.sheet = XlsxParts.XML.createXMLStreamReader(sheetBytes, "UTF-8");
        } catch (XMLStreamException e) {
            close();
            throw new ImportFileException("XLSX 文件内容无法读取（" + e.getMessage() + "）", e);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The workbook's bytes read so far, estimated from how far the sheet has been read, for the import's progress. */
    public long bytesRead() {
        double fraction = sheetSize <= 0 ? 0 : Math.min(1.0, sheetBytes.count() / (double) sheetSize);
        return (long) (fraction * fileSize);
    }

    @Override
    public int read() throws IOException {
        if (pos >= line.length && !fill()) {
            return -1;
        }
        return line[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= line.length && !fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    // the next row as one CSV line (after empty lines for skipped rows); false at the sheet's end
    private boolean fill() throws IOException {
        if (done) {
            return false;
        }
        try {
            while (sheet.hasNext()) {
                if (sheet.next() == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("row")) {
                    String r = sheet.getAttributeValue(null, "r");
                    long number = r == null ? lineNo + 1 : Long.parseLong(r);
                    List<String> cells = row();
                    // a spreadsheet leaves trailing empty cells out; the CSV has the header's width on every line
                    if (width < 0) {
                        width = cells.size();
                    }
                    while (cells.size() < width) {
                        cells.add("");
                    }
                    StringBuilder out = new StringBuilder();
                    // rows the sheet leaves out are blank lines: row N stays line N
                    for (long gap = lineNo + 1; gap < number; gap++) {
                        out.append("\r\n");
                    }
                    lineNo = Math.max(number, lineNo + 1);
                    for (int i = 0; i < cells.size(); i++) {
                        if (i > 0) {
                            out.append(',');
                        }
                        out.append(quoted(cells.get(i)));
                    }
                    line = out.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                    return true;
                }
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new ImportFileException("XLSX 第 " + (lineNo + 1) + " 行无法读取（" + e.getMessage() + "）", e);
        }
        done = true;
        return false;
    }

    // the cells of the current <row>, by their column letters (a cell left out is empty)
    private List<String> row() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("row")) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("c")) {
                String ref = sheet.getAttributeValue(null, "r");
                int column = ref == null ? cells.size() : column(ref);
                String type = sheet.getAttributeValue(null, "t");
                String style = sheet.getAttributeValue(null, "s");
                String value = cell(type, style == null ? 0 : Integer.parseInt(style));
                while (cells.size() < column) {
                    cells.add("");
                }
                if (column < cells.size()) {
                    cells.set(column, value);
                } else {
                    cells.add(value);
                }
            }
        }
        return cells;
    }

    // a cell's text: shared or inline string, formula text, boolean, date (by its style) or number
    private String cell(String type, int style) throws XMLStreamException {
        String v = null;
        StringBuilder inline = null;
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("v")) {
                v = sheet.getElementText();
            } else if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("t")) {
                inline = (inline == null ? new StringBuilder() : inline).append(sheet.getElementText());
            }
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (v == null) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> shared.get(Integer.parseInt(v.strip()));
            case "b" -> "1".equals(v.strip()) ? "TRUE" : "FALSE";
            case "n" -> dateStyles.contains(style) ? date(v) : number(v);
            default -> v; // str (a formula's text), e (an error such as #N/A), d (an ISO date)
        };
    }

    private String date(String serial) {
        BigDecimal days = new BigDecimal(serial.strip());
        long whole = days.longValue();
        // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was; the 1904 system has neither
        LocalDate base = date1904 ? LocalDate.of(1904, 1, 1) : whole < 60 ? LocalDate.of(1899, 12, 31)
                : LocalDate.of(1899, 12, 30);
        LocalDate day = base.plusDays(whole);
        long seconds = days.subtract(BigDecimal.valueOf(whole)).multiply(BigDecimal.valueOf(86_400))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValue();
        return seconds == 0 ? day.toString() : LocalDateTime.of(day, java.time.LocalTime.MIDNIGHT)
                .plusSeconds(seconds).format(DATE_TIME);
    }

    private static String number(String v) {
        try {
            return new BigDecimal(v.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    static int column(String ref) {
        int n = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            n = n * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return n - 1;
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        try {
            if (zip != null) {
                zip.close();
            }
        } finally {
            deleteTemp();
        }
    }

    private void deleteTemp() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(strings);
        Files.deleteIfExists(offsets);
    }
}
