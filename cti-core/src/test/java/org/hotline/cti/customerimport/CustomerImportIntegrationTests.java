package org.hotline.cti.customerimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

class CustomerImportIntegrationTests {

    private static final String HEADER = String.join(",", CustomerImportFormat.COLUMNS) + "\n";
    private static final String GOOD = HEADER
            + "C1,张三,residential,杭州市上城区解放路1号,A0001,+8613800138000,88886666,TA-1,monthly,M1,electricity,yes,2026-10,128.50,2026-11-15\n"
            + "C1,张三,居民,杭州市上城区解放路2号,A0002,13800138000,,,bimonthly,,,,,,\n"
            + "C2,\"江城化工, 有限公司\",工商,\"杭州市\"\"钱塘区\"\"8号\",A0003,027-8888-6666,,TA-1,,M2,gas,no,2026-09,9.99,2026-10-01\n";

    private HikariDataSource db;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        db = EmbeddedPostgresSupport.migratedDatabase();
        jdbc = new JdbcTemplate(db);
        jdbc.update("insert into substations (code, name) values ('S1', '一号变')");
        jdbc.update("insert into feeder_lines (code, name, substation_id) select 'L1', '一号线', id from substations");
        jdbc.update("insert into transformer_areas (code, name, feeder_line_id) select 'TA-1', '一号台区', id from feeder_lines");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CustomerImport importer(int batchSize) {
        return importer(batchSize, 2);
    }

    private CustomerImport importer(int batchSize, int writers) {
        return new CustomerImport(db, new PhoneNumbers(PhoneProperties.defaults()),
                new CustomerImportProperties(DataSize.ofGigabytes(2), batchSize, 100, writers));
    }

    private ImportResult run(String csv, ImportOptions options, int batchSize) throws IOException {
        return importer(batchSize).run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), options, p -> { });
    }

    @Test
    void goodRowsAreImportedWithNormalizedPhonesPremisesMetersAndArrears() throws IOException {
        ImportResult result = run("\uFEFF" + GOOD, ImportOptions.importAll(), 2);

        assertThat(result.badRows()).isEmpty();
        assertThat(result.progress().rowsRead()).isEqualTo(3);
        assertThat(result.progress().rowsImported()).isEqualTo(3);
        assertThat(jdbc.queryForList("select customer_no, name, kind from customers order by customer_no"))
                .extracting(r -> r.get("customer_no") + "/" + r.get("name") + "/" + r.get("kind"))
                .containsExactly("C1/张三/residential", "C2/江城化工, 有限公司/commercial");
        assertThat(jdbc.queryForList("""
                select c.customer_no, p.raw, p.normalized, p.kind, p.is_primary from customer_phones p
                join customers c on c.id = p.customer_id order by c.customer_no, p.normalized""")).extracting(
                r -> r.get("customer_no") + " " + r.get("raw") + " " + r.get("normalized") + " " + r.get("kind")
                        + " " + r.get("is_primary"))
                .containsExactly("C1 88886666 057188886666 landline false",
                        "C1 +8613800138000 13800138000 mobile true",
                        "C2 027-8888-6666 02788886666 landline true");
        assertThat(jdbc.queryForList("""
                select a.account_no, c.customer_no, a.billing_cycle, ad.full_text, ta.code from accounts a
                join customers c on c.id = a.customer_id join premises p on p.id = a.premises_id
                join addresses ad on ad.id = p.address_id left join transformer_areas ta on ta.id = p.transformer_area_id
                order by a.account_no""")).extracting(r -> r.get("account_no") + " " + r.get("customer_no") + " "
                + r.get("billing_cycle") + " " + r.get("full_text") + " " + r.get("code"))
                .containsExactly("A0001 C1 monthly 杭州市上城区解放路1号 TA-1", "A0002 C1 bimonthly 杭州市上城区解放路2号 null",
                        "A0003 C2 monthly 杭州市\"钱塘区\"8号 TA-1");
        assertThat(jdbc.queryForObject("""
                select ad.full_text from customers c join addresses ad on ad.id = c.address_id where customer_no = 'C1'""",
                String.class)).isEqualTo("杭州市上城区解放路1号");
        assertThat(jdbc.queryForList("""
                select m.meter_no, m.kind, m.prepaid_ic_card, a.account_no from meters m
                join accounts a on a.premises_id = m.premises_id order by m.meter_no"""))
                .extracting(r -> r.get("meter_no") + " " + r.get("kind") + " " + r.get("prepaid_ic_card") + " "
                        + r.get("account_no"))
                .containsExactly("M1 electricity true A0001", "M2 gas false A0003");
        assertThat(jdbc.queryForList("""
                select a.account_no, ar.billing_period, ar.amount, ar.due_date from arrears ar
                join accounts a on a.id = ar.account_id order by a.account_no"""))
                .extracting(r -> r.get("account_no") + " " + r.get("billing_period") + " " + r.get("amount") + " "
                        + r.get("due_date"))
                .containsExactly("A0001 2026-10 128.50 2026-11-15", "A0003 2026-09 9.99 2026-10-01");
    }

    @Test
    void badRowsAreListedWithLineColumnAndReasonAndNothingOfThemIsWritten() throws IOException {
        String csv = HEADER
                + "C1,张三,residential,杭州市1号,A0001,13800138000,,,,,,,,,\n"
                + "C2,李四,farmer,杭州市2号,A0002,13800138001,,,,,,,,,\n"
                + "C3,王五,residential,杭州市3号,A0003,12345678901234,,,,,,,,,\n"
                + "C4,赵六,residential,杭州市4号,A0004,,,TA-9,,,,,,,\n"
                + "C5,钱\u0000七,residential,杭州市5号,A0005,,,,,,,,,,\n"
                + "C6,孙八,residential,杭州市6号,A0006,,,,,,,,2026-13,10,2026-01-01\n"
                + "C7,周九,residential,杭州市7号,A0007,,,,,,,,2026-01,-5,2026-01-01\n"
                + "C8,吴十,residential,杭州市8号,A0008\n"
                + ",无号,residential,杭州市9号,A0009,,,,,,,,,,\n";

        ImportResult result = run(csv, ImportOptions.importAll(), 100);

        assertThat(result.progress().rowsRead()).isEqualTo(9);
        assertThat(result.progress().rowsImported()).isEqualTo(1);
        assertThat(result.progress().rowsFailed()).isEqualTo(8);
        assertThat(result.badRows()).extracting(b -> b.line() + " " + b.column()).containsExactly("3 kind",
                "4 phone1", "5 transformer_area_code", "6 name", "7 arrears_period", "8 arrears_amount", "9 ",
                "10 customer_no");
        assertThat(result.badRows().get(3).reason()).contains("U+0000");
        assertThat(result.badRows().get(2).reason()).contains("TA-9");
        assertThat(result.badRows().get(6).reason()).contains("5 个单元格").contains("15 列");
        assertThat(jdbc.queryForList("select customer_no from customers", String.class)).containsExactly("C1");
        assertThat(jdbc.queryForObject("select count(*) from accounts", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from addresses", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from customer_phones", Integer.class)).isEqualTo(1);
    }

    @Test
    void importingTheSameFileAgainChangesNoRow() throws IOException {
        run(GOOD, ImportOptions.importAll(), 2);
        Map<String, String> before = fingerprint();

        ImportResult again = run(GOOD, ImportOptions.importAll(), 2);

        assertThat(again.progress().rowsImported()).isEqualTo(3);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aChangedFileUpdatesRowsAndPaidArrearsGo() throws IOException {
        run(GOOD, ImportOptions.importAll(), 100);

        run(HEADER + "C1,张三丰,residential,杭州市新地址,A0001,13800138000,,,monthly,M1,electricity,yes,,,\n",
                ImportOptions.importAll(), 100);

        assertThat(jdbc.queryForObject("select name from customers where customer_no = 'C1'", String.class))
                .isEqualTo("张三丰");
        assertThat(jdbc.queryForObject("""
                select ad.full_text from accounts a join premises p on p.id = a.premises_id
                join addresses ad on ad.id = p.address_id where a.account_no = 'A0001'""", String.class))
                .isEqualTo("杭州市新地址");
        assertThat(jdbc.queryForObject("""
                select count(*) from arrears ar join accounts a on a.id = ar.account_id where a.account_no = 'A0001'""",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from arrears", Integer.class)).isEqualTo(1);
    }

    @Test
    void aDryRunCountsAndListsButWritesNothing() throws IOException {
        ImportResult result = run(GOOD + "C9,坏,residential,杭州,A9999,abc,,,,,,,,,\n", ImportOptions.dryRunOnly(), 2);

        assertThat(result.dryRun()).isTrue();
        assertThat(result.progress().rowsImported()).isEqualTo(3);
        assertThat(result.badRows()).extracting(BadRow::line).containsExactly(5L);
        assertThat(jdbc.queryForObject("select count(*) from customers", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from addresses", Integer.class)).isZero();
    }

    @Test
    void aFormulaLikeCellIsStoredAsPlainText() throws IOException {
        run(HEADER + "C1,=HYPERLINK(\"\"x\"\"),residential,@SUM(A1),A0001,,,,,,,,,,\n".replace("=HYPERLINK",
                "\"=HYPERLINK").replace("\"\"),", "\"\")\","), ImportOptions.importAll(), 10);

        assertThat(jdbc.queryForObject("select name from customers", String.class)).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(jdbc.queryForObject("select full_text from addresses limit 1", String.class)).isEqualTo("@SUM(A1)");
    }

    @Test
    void aResumedImportSkipsTheLinesAlreadyCommitted() throws IOException {
        List<ImportProgress> progress = new ArrayList<>();
        importer(2, 1).run(new ByteArrayInputStream(GOOD.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.importAll(), progress::add);
        assertThat(progress).extracting(ImportProgress::lastCommittedLine).isSorted().endsWith(4L);
        jdbc.update("delete from arrears");
        jdbc.update("delete from customer_phones");

        ImportResult resumed = run(GOOD, new ImportOptions(false, 3), 2);

        assertThat(resumed.progress().rowsImported()).isEqualTo(1);
        assertThat(jdbc.queryForList("select normalized from customer_phones", String.class))
                .containsExactly("02788886666");
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrNotInUtf8IsRefusedAsAWhole() {
        assertThatThrownBy(() -> run("customer_no,name\nC1,x\n", ImportOptions.importAll(), 10))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("缺少必填列“kind”");
        assertThatThrownBy(() -> run(HEADER.replace("phone2", "fax"), ImportOptions.importAll(), 10))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("“fax”");
        byte[] gbk = (HEADER + "C1,").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(gbk, gbk.length + 2);
        bad[gbk.length] = (byte) 0xD5;
        bad[gbk.length + 1] = (byte) 0xC5;
        assertThatThrownBy(() -> importer(10).run(new ByteArrayInputStream(bad), ImportOptions.importAll(), p -> { }))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("不是 UTF-8");
    }

    private Map<String, String> fingerprint() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String table : List.of("customers", "customer_phones", "addresses", "premises", "accounts", "meters",
                "arrears")) {
            // xmin changes on any update, even one writing equal values: equal fingerprints mean untouched rows
            out.put(table, jdbc.queryForObject("select count(*) || ':' || coalesce(md5(string_agg(t::text || t.xmin::text,"
                    + " ',' order by t.id)), '') from " + table + " t", String.class));
        }
        return out;
    }

    @Test
    void anXlsxWorkbookImportsLikeTheCsvAndNamesItsBadRowsByTheSpreadsheetsRowNumbers() throws IOException {
        org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("客户");
        org.apache.poi.ss.usermodel.CellStyle date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        String[][] rows = {
            CustomerImportFormat.COLUMNS.toArray(String[]::new),
            {"C1", "张三", "residential", "杭州市上城区解放路1号", "A0001", "13800138000", "", "TA-1", "monthly", "M1",
                "electricity", "yes", "2026-10", "128.50", null},
            {"C2", "李四", "工商", "杭州市钱塘区8号", "A0003", "not-a-number", "", "", "", "", "", "", "", "", ""}};
        for (int r = 0; r < rows.length; r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r == 2 ? 4 : r); // row 3 and 4 left empty
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != null && !rows[r][c].isEmpty()) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }
        // account numbers and amounts typed as numbers, the due date as a real date
        sheet.getRow(1).getCell(4).setCellValue("A0001");
        sheet.getRow(1).getCell(13).setCellValue(128.5);
        org.apache.poi.ss.usermodel.Cell due = sheet.getRow(1).createCell(14);
        due.setCellValue(java.time.LocalDate.of(2026, 11, 15));
        due.setCellStyle(date);
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        book.write(xlsx);
        book.close();

        ImportResult result = importer(2).run(new ByteArrayInputStream(xlsx.toByteArray()), ImportOptions.importAll(),
                p -> { });
        assertThat(result.progress().rowsImported()).isEqualTo(1);
        assertThat(result.badRows()).extracting(b -> b.line() + " " + b.column()).containsExactly("5 phone1");
        assertThat(result.progress().bytesRead()).isEqualTo(xlsx.size());
        assertThat(jdbc.queryForMap("""
                select r.amount, r.due_date from arrears r join accounts a on a.id = r.account_id
                where a.account_no = 'A0001'""")).containsEntry("amount", new java.math.BigDecimal("128.50"))
                .containsEntry("due_date", java.sql.Date.valueOf("2026-11-15"));
    }

    @Test
    void anOldBinaryExcelFileIsRefusedWithWhatToDoInstead() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> importer(2).run(new ByteArrayInputStream(xls), ImportOptions.importAll(), p -> { }))
                .isInstanceOf(ImportFileException.class).hasMessageContaining(".xls").hasMessageContaining("另存为");
    }
}
