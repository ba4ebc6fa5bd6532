package org.hotline.reports;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.reports.internal.ReportTable;
import org.hotline.reports.internal.ReportTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The reports made on schedule: after {@code dailyAt} each day yesterday's queue, agent and team report (by day), and
 * from the first of a month on last month's, each stored once as XLSX ({@code scheduled_reports}, unique per kind and
 * period, so two nodes make it once) and, when addresses and an SMTP server are set, mailed once by the node that
 * claims it. A node that was down at 08:00 makes them when it starts.
 */
public final class ScheduledReports {

    /** A made report as listed: its id, kind, period, when it was made, its headline counts and its mail state. */
    public record Made(long id, String kind, LocalDate from, LocalDate to, Instant createdAt, long offered,
                       long answered, Instant mailedAt, String mailError) {
    }

    private static final Logger log = LoggerFactory.getLogger(ScheduledReports.class);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final JdbcTemplate jdbc;
    private final Reports reports;
    private final ReportsProperties properties;
    private final Optional<JavaMailSender> mail;
    private final Clock clock;

    /** Reports made from {@code reports}, mailed through {@code mail} when there is one. */
    public ScheduledReports(DataSource dataSource, Reports reports, ReportsProperties properties,
                            Optional<JavaMailSender> mail, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.reports = reports;
        this.properties = properties;
        this.mail = mail;
        this.clock = clock;
    }

    /** Makes the reports that are due and not made yet, mails what is unmailed, deletes old ones; returns how many made. */
    public synchronized int runDue() {
        ZonedDateTime now = clock.instant().atZone(properties.zone());
        int made = 0;
        if (!now.toLocalTime().isBefore(properties.schedule().dailyAt())) {
            LocalDate yesterday = now.toLocalDate().minusDays(1);
            made += make("daily", yesterday, yesterday) ? 1 : 0;
            // last month's, on the first or on the first day after it this node runs
            LocalDate firstOfThisMonth = now.toLocalDate().withDayOfMonth(1);
            made += make("monthly", firstOfThisMonth.minusMonths(1), firstOfThisMonth.minusDays(1)) ? 1 : 0;
        }
        mailUnmailed();
        jdbc.update("delete from scheduled_reports where created_at < ?",
                Timestamp.from(clock.instant().minus(properties.schedule().keep())));
        return made;
    }

    /** Makes and stores one report unless it exists; true when this call made it. */
    public boolean make(String kind, LocalDate from, LocalDate to) {
        Integer exists = jdbc.queryForObject("select count(*) from scheduled_reports where kind = ? and period_from = ?",
                Integer.class, kind, from);
        if (exists != null && exists > 0) {
            return false;
        }
        ReportRequest request = new ReportRequest(from, to, properties.zone(), ReportInterval.DAY, List.of(),
                properties.serviceLevelRule());
        QueueReport queues = reports.queues(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReportTable.xlsx(List.of(ReportTables.queues(queues, true),
                    ReportTables.people(reports.agents(request), request, false, true),
                    ReportTables.people(reports.teams(request), request, true, true)), out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        int inserted = jdbc.update("""
                insert into scheduled_reports (kind, period_from, period_to, xlsx, offered, answered)
                values (?, ?, ?, ?, ?, ?) on conflict (kind, period_from) do nothing""", kind, from, to,
                out.toByteArray(), queues.total().offered(), queues.total().answered());
        if (inserted == 1) {
            log.info("{} report {} – {} made: {} calls offered, {} answered", kind, from, to,
                    queues.total().offered(), queues.total().answered());
        }
        return inserted == 1;
    }

    /** The reports made, newest first. */
    public List<Made> list() {
        return jdbc.query("""
                select id, kind, period_from, period_to, created_at, offered, answered, mailed_at, mail_error
                from scheduled_reports order by period_from desc, kind limit 400""", (rs, i) -> new Made(
                rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9)));
    }

    /** A made report's workbook, if there is one with that id. */
    public Optional<byte[]> workbook(long id) {
        return jdbc.query("select xlsx from scheduled_reports where id = ?", rs -> rs.next()
                ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty(), id);
    }

    private void mailUnmailed() {
        List<String> to = properties.schedule().mailTo();
        if (to.isEmpty() || mail.isEmpty()) {
            return;
        }
        for (Made m : list()) {
            if (m.mailedAt() != null) {
                continue;
            }
            // claimed first: of two nodes, or a retry after a crash mid-send, one sends (a claim older than an
            // hour is a crashed sender's and is taken again)
            int claimed = jdbc.update("""
                    update scheduled_reports set mail_claimed_at = now()
                    where id = ? and mailed_at is null
                      and (mail_claimed_at is null or mail_claimed_at < now() - interval '1 hour')""", m.id());
            if (claimed == 1) {
                send(m, to);
            }
        }
    }

    private void send(Made m, List<String> to) {
        try {
            MimeMessage message = mail.get().createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.schedule().mailFrom());
            helper.setTo(to.toArray(String[]::new));
            String period = m.from().equals(m.to()) ? m.from().toString() : m.from() + " 至 " + m.to();
            helper.setSubject("Hotline " + (m.kind().equals("daily") ? "日报" : "月报") + " " + period);
            helper.setText("呼入 " + m.offered() + "，接听 " + m.answered() + "。各队列、坐席和班组的指标见附件；"
                    + "指标定义见报表页的“指标定义”。");
            helper.addAttachment("hotline-" + m.kind() + "-" + m.from() + ".xlsx",
                    new ByteArrayResource(workbook(m.id()).orElseThrow()), XLSX);
            mail.get().send(message);
            jdbc.update("update scheduled_reports set mailed_at = now(), mail_error = null where id = ?", m.id());
        } catch (Exception ex) {
            log.warn("{} report {} not mailed: {}", m.kind(), m.from(), ex.toString());
            jdbc.update("update scheduled_reports set mail_error = ?, mail_claimed_at = null where id = ?",
                    ex.getMessage() == null ? ex.toString() : ex.getMessage(), m.id());
        }
    }
}
