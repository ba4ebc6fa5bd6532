package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.hotline.reports.internal.CallRollups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Reports made on schedule: yesterday's after 08:00 and last month's from the first on, once however many nodes run
 * it, as a workbook of three sheets; mailed once through an SMTP server, and a failed mail is recorded and retried.
 */
class ScheduledReportsIntegrationTests {

    /** 2026-12-01 08:30 in Beijing. */
    static final Instant AFTER_EIGHT = Instant.parse("2026-12-01T00:30:00Z");

    HikariDataSource pool;
    Reports reports;

    @BeforeEach
    void aDayOfCalls() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.update("insert into queues (name, display_name, service_level_seconds) values ('rq', '报表队列', 20)");
        // two calls on 30 November, 10:00 Beijing
        TestCalls.insert(jdbc, "s1", Instant.parse("2026-11-30T02:00:00Z"), 10, "answered", 60, 0, 5, "PJSIP/A");
        TestCalls.insert(jdbc, "s2", Instant.parse("2026-11-30T02:05:00Z"), 40, "abandoned", 0, 0, null, null);
        new CallRollups(pool, ReportsProperties.defaults().shortAbandon()).refresh();
        reports = new Reports(pool, ReportsProperties.defaults());
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void yesterdaysAndLastMonthsReportsAreMadeOnceAfterEightOnAnyNumberOfNodes() throws Exception {
        assertThat(scheduled(Instant.parse("2026-11-30T23:59:00Z"), List.of(), null).runDue())
                .as("07:59 in Beijing: nothing yet").isZero();
        ScheduledReports node1 = scheduled(AFTER_EIGHT, List.of(), null);
        ScheduledReports node2 = scheduled(AFTER_EIGHT, List.of(), null);

        assertThat(node1.runDue()).isEqualTo(2);
        assertThat(node2.runDue()).isZero();
        assertThat(node1.runDue()).isZero();

        List<ScheduledReports.Made> made = node2.list();
        assertThat(made).extracting(ScheduledReports.Made::kind).containsExactly("daily", "monthly");
        ScheduledReports.Made daily = made.get(0);
        assertThat(daily.from()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(daily.offered()).isEqualTo(2);
        assertThat(daily.answered()).isEqualTo(1);
        assertThat(made.get(1).from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(made.get(1).to()).isEqualTo(LocalDate.of(2026, 11, 30));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(node2.workbook(daily.id()).orElseThrow()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("队列");
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2.0);
        }
        assertThat(node2.workbook(-1)).isEmpty();
    }

    @Test
    void aReportIsMailedOnceAndAFailedMailIsRecordedAndSentLater() throws Exception {
        try (TinySmtpServer smtp = new TinySmtpServer()) {
            JavaMailSenderImpl down = sender(1); // nothing listens on port 1
            ScheduledReports failing = scheduled(AFTER_EIGHT, List.of("boss@example.cn"), down);
            failing.runDue();
            assertThat(failing.list()).allSatisfy(m -> {
                assertThat(m.mailedAt()).isNull();
                assertThat(m.mailError()).isNotBlank();
            });

            ScheduledReports node1 = scheduled(AFTER_EIGHT, List.of("boss@example.cn"), sender(smtp.port()));
            ScheduledReports node2 = scheduled(AFTER_EIGHT, List.of("boss@example.cn"), sender(smtp.port()));
            node1.runDue();
            node2.runDue();
            node1.runDue();

            assertThat(smtp.messages()).as("yesterday's and last month's, once each").hasSize(2);
            assertThat(node1.list()).allSatisfy(m -> assertThat(m.mailedAt()).isNotNull());
            assertThat(smtp.messages()).anySatisfy(m -> assertThat(m).contains("hotline-daily-2026-11-30.xlsx"));
        }
    }

    private ScheduledReports scheduled(Instant now, List<String> mailTo, JavaMailSenderImpl mail) {
        ReportsProperties d = ReportsProperties.defaults();
        ReportsProperties properties = new ReportsProperties(d.zone(), d.shortAbandon(), d.serviceLevelRule(),
                d.refreshInterval(), new ReportsProperties.Schedule(true, d.schedule().dailyAt(), mailTo,
                "hotline@example.cn", d.schedule().keep()));
        return new ScheduledReports(pool, reports, properties, Optional.ofNullable(mail),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }
}
