package org.hotline.workorder.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.hotline.workorder.WorkOrderRejectedException;
import org.hotline.workorder.WorkOrderReport;
import org.hotline.workorder.WorkOrderReports;
import org.hotline.workorder.WorkOrders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The work-order report of the orders opened on the days {@code from} to {@code to} (the calendar's zone). */
@RestController
@PreAuthorize(WorkOrderAccess.REPORTS)
class WorkOrderReportController {

    private final WorkOrderReports reports;
    private final WorkOrders orders;

    WorkOrderReportController(WorkOrderReports reports, WorkOrders orders) {
        this.reports = reports;
        this.orders = orders;
    }

    @GetMapping("/api/work-orders/reports")
    WorkOrderReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) > 3660) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.INVALID,
                    "range: " + first + " to " + last + " (expected: from <= to, at most ten years)");
        }
        ZoneId zone = orders.calendar().zone();
        return reports.report(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static LocalDate date(String name, String value) {
        try {
            if (value == null || value.isBlank()) {
                throw new DateTimeParseException("missing", "", 0);
            }
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException ex) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.INVALID,
                    name + ": '" + (value == null ? "" : value) + "' (expected: a date such as 2026-12-01)");
        }
    }
}
