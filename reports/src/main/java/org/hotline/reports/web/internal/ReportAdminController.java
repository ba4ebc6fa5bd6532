package org.hotline.reports.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.reports.QueueLogInterop;
import org.hotline.reports.ReportRequest;
import org.hotline.reports.ReportRequestException;
import org.hotline.reports.ReportsProperties;
import org.hotline.reports.ScheduledReports;
import org.hotline.reports.internal.CallRollups;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The reports' data in and out: the reports made on schedule and the queue_log export (for the report viewers),
 * and for administrators
 * ({@code /api/admin/**}) a queue_log import and a rebuild of the rollups from the call records.
 */
@RestController
class ReportAdminController {

    private final QueueLogInterop interop;
    private final CallRollups rollups;
    private final ScheduledReports scheduled;
    private final ReportsProperties properties;

    ReportAdminController(QueueLogInterop interop, CallRollups rollups, ScheduledReports scheduled,
                          ReportsProperties properties) {
        this.interop = interop;
        this.rollups = rollups;
        this.scheduled = scheduled;
        this.properties = properties;
    }

    @GetMapping("/api/reports/scheduled")
    List<ScheduledReports.Made> scheduled() {
        return scheduled.list();
    }

    @GetMapping("/api/reports/scheduled/{id}")
    ResponseEntity<byte[]> workbook(@PathVariable long id) {
        return scheduled.workbook(id).map(bytes -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", "attachment; filename=\"hotline-report-" + id + ".xlsx\"")
                .body(bytes)).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/api/reports/queue-log")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String zone, HttpServletResponse response) throws IOException {
        ReportRequest request = ReportRequest.parse(from, to, zone, "total", null, null, properties);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"queue_log-" + request.from() + "-" + request.to() + "\"");
        interop.export(request, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @PostMapping("/api/admin/reports/queue-log")
    ResponseEntity<QueueLogInterop.ImportResult> importQueueLog(@RequestParam(required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ReportRequestException("file: missing (expected: an Asterisk queue_log file)");
        }
        Path spool = Files.createTempFile("hotline-queue-log", ".txt");
        try {
            file.transferTo(spool);
            QueueLogInterop.ImportResult result = interop.importFile(spool);
            rollups.refresh();
            return ResponseEntity.ok(result);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @PostMapping("/api/admin/reports/rebuild")
    Map<String, Object> rebuild() {
        return Map.of("milliseconds", rollups.rebuild().toMillis());
    }
}
