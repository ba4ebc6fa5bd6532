package org.hotline.sms.web.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.sms.campaign.SmsCampaignProperties;
import org.hotline.sms.report.SmsReport;
import org.hotline.sms.report.SmsReports;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The SMS report of the messages queued on the days {@code from} to {@code to} (Beijing time), for the floor. */
@RestController
class SmsReportController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final SmsReports reports;

    SmsReportController(DataSource dataSource, SmsCampaignProperties properties) {
        this.reports = new SmsReports(dataSource, properties.pricePerPart());
    }

    @GetMapping("/api/sms/reports")
    ResponseEntity<?> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from == null ? "" : from.trim());
            last = LocalDate.parse(to == null ? "" : to.trim());
        } catch (DateTimeParseException ex) {
            return ResponseEntity.badRequest().body(Map.of("message",
                    "from, to: dates such as 2026-12-01 expected"));
        }
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) > 3660) {
            return ResponseEntity.badRequest().body(Map.of("message",
                    "range: " + first + " to " + last + " (expected: from <= to, at most ten years)"));
        }
        SmsReport report = reports.report(first.atStartOfDay(ZONE).toInstant(),
                last.plusDays(1).atStartOfDay(ZONE).toInstant());
        return ResponseEntity.ok(report);
    }
}
