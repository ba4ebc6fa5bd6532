package org.hotline.cti.customerimport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.cti.customerimport.ImportFileException;
import org.junit.jupiter.api.Test;

/** XLSX workbooks as Apache POI writes them (shared or inline strings, date styles) read back as the import's CSV. */
class XlsxCsvTests {

    private static String csv(byte[] xlsx) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(xlsx));
        assertThat(XlsxCsv.isZip(in)).isTrue();
        try (XlsxCsv sheet = XlsxCsv.open(in)) {
            String text = new String(sheet.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sheet.bytesRead()).as("all of it read").isEqualTo(xlsx.length);
            return text;
        }
    }

    private static byte[] bytes(Workbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        book.close();
        return out.toByteArray();
    }

    @Test
    void sharedStringsNumbersDatesAndBooleansComeOutAsTheCsvTheImportReads() throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("客户");
        CellStyle date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        Row header = sheet.createRow(0);
        String[] names = {"customer_no", "name", "account_no", "phone1", "arrears_amount", "arrears_due_date", "flag"};
        for (int i = 0; i < names.length; i++) {
            header.createCell(i).setCellValue(names[i]);
        }
        Row r = sheet.createRow(1);
        r.createCell(0).setCellValue("C1");
        r.createCell(1).setCellValue("江城化工, \"有限\"公司");
        r.createCell(2).setCellValue(2024000001d);
        r.createCell(3).setCellValue(13800138000d);
        r.createCell(4).setCellValue(128.5);
        Cell due = r.createCell(5);
        due.setCellValue(LocalDate.of(2026, 11, 15));
        due.setCellStyle(date);
        r.createCell(6).setCellValue(true);
        // row 3 left out, row 4 with a gap between its cells
        Row four = sheet.createRow(3);
        four.createCell(0).setCellValue("C2");
        four.createCell(3).setCellValue("0571-88886666");

        assertThat(csv(bytes(book))).isEqualTo(
                "customer_no,name,account_no,phone1,arrears_amount,arrears_due_date,flag\r\n"
                + "C1,\"江城化工, \"\"有限\"\"公司\",2024000001,13800138000,128.5,2026-11-15,TRUE\r\n"
                + "\r\n"
                + "C2,,,0571-88886666,,,\r\n");
    }

    @Test
    void aStreamedWorkbookWithInlineStringsIsReadRowByRow() throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(100);
        Sheet sheet = book.createSheet();
        for (int i = 0; i < 5_000; i++) {
            Row r = sheet.createRow(i);
            r.createCell(0).setCellValue("C" + i);
            r.createCell(1).setCellValue("客户" + i);
        }
        byte[] xlsx = bytes(book);
        book.dispose();
        String[] lines = csv(xlsx).split("\r\n");
        assertThat(lines).hasSize(5_000);
        assertThat(lines[4_999]).isEqualTo("C4999,客户4999");
    }

    @Test
    void theTemporaryFilesAreGoneOnceClosed() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = count(tmp);
        XSSFWorkbook book = new XSSFWorkbook();
        book.createSheet().createRow(0).createCell(0).setCellValue("customer_no");
        csv(bytes(book));
        assertThat(count(tmp)).isEqualTo(before);
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("hotline-import-")).count();
        }
    }

    @Test
    void aZipThatIsNoWorkbookIsRefusedWithTheReason() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(zip.toByteArray()));
        assertThatThrownBy(() -> XlsxCsv.open(in)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("xl/workbook.xml");
        BufferedInputStream broken = new BufferedInputStream(new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4, 1}));
        assertThatThrownBy(() -> XlsxCsv.open(broken)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("不是有效的 XLSX 文件");
    }

    @Test
    void dateFormatsAreTheBuiltInOnesAndCustomOnesWithDaysOrYears() {
        assertThat(XlsxParts.isDateFormat(14, Map.of())).isTrue();
        assertThat(XlsxParts.isDateFormat(31, Map.of())).as("yyyy\"年\"m\"月\"d\"日\" in the Chinese locale").isTrue();
        assertThat(XlsxParts.isDateFormat(2, Map.of())).as("0.00").isFalse();
        assertThat(XlsxParts.isDateFormat(164, Map.of(164, "yyyy-mm"))).isTrue();
        assertThat(XlsxParts.isDateFormat(165, Map.of(165, "\"day \"0.00"))).as("a quoted d is text").isFalse();
        assertThat(XlsxParts.isDateFormat(166, Map.of(166, "[Red]0.00"))).isFalse();
        assertThat(XlsxCsv.column("A1")).isZero();
        assertThat(XlsxCsv.column("AB12")).isEqualTo(27);
    }
}
