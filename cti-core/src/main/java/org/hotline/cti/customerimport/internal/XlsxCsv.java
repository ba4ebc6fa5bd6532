package org.hotline.cti.customerimport.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
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

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static {
        // a workbook is data, never a way to read files or fetch URLs (XXE)
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final Path file;
    private final Path strings;
    private final Path offsets;
    private final ZipFile zip;
    private final SharedStrings shared;
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
            Workbook book = workbook();
            this.date1904 = book.date1904;
            this.dateStyles = dateStyles();
            this.shared = sharedStrings();
            ZipEntry entry = zip.getEntry(book.firstSheet);
            if (entry == null) {
                throw new ImportFileException("XLSX 文件中没有工作表（" + book.firstSheet + "）", null);
            }
            this.sheetSize = entry.getSize();
            this.sheetBytes = new CountingInputStream(zip.getInputStream(entry));
            this.sheet = XML.createXMLStreamReader(sheetBytes, "UTF-8");
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

    // ------------------------------------------------------------------ the workbook's parts

    private record Workbook(String firstSheet, boolean date1904) {
    }

    // the first sheet in the workbook's order, found through the workbook's relationships
    private Workbook workbook() throws IOException, XMLStreamException {
        String rid = null;
        boolean date1904 = false;
        try (InputStream in = part("xl/workbook.xml", true)) {
            XMLStreamReader x = XML.createXMLStreamReader(in, "UTF-8");
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT) {
                    if (x.getLocalName().equals("workbookPr")) {
                        String v = x.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(v) || "true".equals(v);
                    } else if (x.getLocalName().equals("sheet") && rid == null) {
                        rid = relationshipId(x);
                    }
                }
            }
        }
        String target = null;
        try (InputStream in = part("xl/_rels/workbook.xml.rels", false)) {
            if (in != null && rid != null) {
                XMLStreamReader x = XML.createXMLStreamReader(in, "UTF-8");
                while (x.hasNext() && target == null) {
                    if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")
                            && rid.equals(x.getAttributeValue(null, "Id"))) {
                        target = x.getAttributeValue(null, "Target");
                    }
                }
            }
        }
        if (target == null) {
            return new Workbook("xl/worksheets/sheet1.xml", date1904);
        }
        return new Workbook(target.startsWith("/") ? target.substring(1) : "xl/" + target, date1904);
    }

    private static String relationshipId(XMLStreamReader x) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals("id")) {
                return x.getAttributeValue(i);
            }
        }
        return null;
    }

    // the cell styles whose number format is a date: built-in 14-22 and 45-47, or a format code with y or d
    private Set<Integer> dateStyles() throws IOException, XMLStreamException {
        Set<Integer> dates = new HashSet<>();
        try (InputStream in = part("xl/styles.xml", false)) {
            if (in == null) {
                return dates;
            }
            XMLStreamReader x = XML.createXMLStreamReader(in, "UTF-8");
            Map<Integer, String> formats = new HashMap<>();
            boolean inXfs = false;
            int index = 0;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "numFmt" -> formats.put(Integer.parseInt(x.getAttributeValue(null, "numFmtId")),
                                x.getAttributeValue(null, "formatCode"));
                        case "cellXfs" -> inXfs = true;
                        case "xf" -> {
                            if (inXfs) {
                                String id = x.getAttributeValue(null, "numFmtId");
                                if (id != null && isDateFormat(Integer.parseInt(id), formats)) {
                                    dates.add(index);
                                }
                                index++;
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("cellXfs")) {
                    inXfs = false;
                }
            }
        }
        return dates;
    }

    static boolean isDateFormat(int id, Map<Integer, String> custom) {
        if (id >= 14 && id <= 22 || id >= 45 && id <= 47 || id >= 27 && id <= 36 || id >= 50 && id <= 58) {
            return true; // the built-in date formats, the Chinese locale's (27-36, 50-58) among them
        }
        String code = custom.get(id);
        if (code == null) {
            return false;
        }
        // text in quotes and [colour] or [$-locale] parts say nothing about dates
        String bare = code.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(java.util.Locale.ROOT);
        return bare.contains("y") || bare.contains("d") || bare.contains("年") || bare.contains("日");
    }

    // the shared strings spooled to disk: their UTF-8 bytes in one file, each one's offset in another
    private SharedStrings sharedStrings() throws IOException, XMLStreamException {
        long count = 0;
        try (InputStream in = part("xl/sharedStrings.xml", false);
             OutputStream text = new BufferedOutputStream(Files.newOutputStream(strings), 1 << 16);
             DataOutputStream index = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(offsets),
                     1 << 16))) {
            long at = 0;
            if (in != null) {
                XMLStreamReader x = XML.createXMLStreamReader(in, "UTF-8");
                StringBuilder item = null;
                int phonetic = 0;
                while (x.hasNext()) {
                    int event = x.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (x.getLocalName()) {
                            case "si" -> item = new StringBuilder();
                            case "rPh" -> phonetic++; // a reading guide above the text, not the text
                            case "t" -> {
                                String t = x.getElementText();
                                if (item != null && phonetic == 0) {
                                    item.append(t);
                                }
                            }
                            default -> { }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (x.getLocalName().equals("rPh")) {
                            phonetic--;
                        } else if (x.getLocalName().equals("si") && item != null) {
                            byte[] b = item.toString().getBytes(StandardCharsets.UTF_8);
                            index.writeLong(at);
                            text.write(b);
                            at += b.length;
                            count++;
                            item = null;
                        }
                    }
                }
            }
            index.writeLong(at);
        }
        return new SharedStrings(strings, offsets, count);
    }

    private InputStream part(String name, boolean required) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            if (required) {
                throw new ImportFileException("不是 XLSX 工作簿（缺少 " + name + "）：请另存为 .xlsx 或 CSV UTF-8", null);
            }
            return null;
        }
        return zip.getInputStream(e);
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

    /** Shared strings looked up by index through memory maps of the spooled files: no string stays on the heap. */
    private static final class SharedStrings {

        private final MappedByteBuffer text;
        private final MappedByteBuffer index;
        private final long count;

        SharedStrings(Path strings, Path offsets, long count) throws IOException {
            this.count = count;
            try (FileChannel t = FileChannel.open(strings, StandardOpenOption.READ);
                 FileChannel i = FileChannel.open(offsets, StandardOpenOption.READ)) {
                if (t.size() > Integer.MAX_VALUE) {
                    throw new ImportFileException("XLSX 文件的共享文本超过 2 GB：请另存为 CSV UTF-8", null);
                }
                this.text = t.map(FileChannel.MapMode.READ_ONLY, 0, t.size());
                this.index = i.map(FileChannel.MapMode.READ_ONLY, 0, i.size());
            }
        }

        String get(int i) {
            if (i < 0 || i >= count) {
                throw new NumberFormatException("shared string " + i + " of " + count);
            }
            int from = (int) index.getLong(i * 8);
            int to = (int) index.getLong((i + 1) * 8);
            byte[] b = new byte[to - from];
            text.get(from, b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
