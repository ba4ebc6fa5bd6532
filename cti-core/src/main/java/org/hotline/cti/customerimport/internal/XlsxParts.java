package org.hotline.cti.customerimport.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.hotline.cti.customerimport.ImportFileException;

/**
 * The parts of an XLSX workbook {@link XlsxCsv} needs besides the sheet: which sheet is first, which cell styles are
 * dates, and the shared strings, spooled to disk and read through memory maps.
 */
final class XlsxParts {

    /** StAX as a workbook is read: no DTD, no external entities (a workbook is data, never a way to read files). */
    static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private XlsxParts() {
    }

    /** The workbook's first sheet (its part name) and whether its dates count from 1904. */
    record Workbook(String firstSheet, boolean date1904) {
    }

    // the first sheet in the workbook's order, found through the workbook's relationships
    static Workbook workbook(ZipFile zip) throws IOException, XMLStreamException {
        String rid = null;
        boolean date1904 = false;
        try (InputStream in = part(zip, "xl/workbook.xml", true)) {
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
        try (InputStream in = part(zip, "xl/_rels/workbook.xml.rels", false)) {
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
    static Set<Integer> dateStyles(ZipFile zip) throws IOException, XMLStreamException {
        Set<Integer> dates = new HashSet<>();
        try (InputStream in = part(zip, "xl/styles.xml", false)) {
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
    static SharedStrings sharedStrings(ZipFile zip, Path strings, Path offsets)
            throws IOException, XMLStreamException {
        long count = 0;
        try (InputStream in = part(zip, "xl/sharedStrings.xml", false);
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

    static InputStream part(ZipFile zip, String name, boolean required) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            if (required) {
                throw new ImportFileException("不是 XLSX 工作簿（缺少 " + name + "）：请另存为 .xlsx 或 CSV UTF-8", null);
            }
            return null;
        }
        return zip.getInputStream(e);
    }

    /** Shared strings looked up by index through memory maps of the spooled files: no string stays on the heap. */
    static final class SharedStrings {

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
