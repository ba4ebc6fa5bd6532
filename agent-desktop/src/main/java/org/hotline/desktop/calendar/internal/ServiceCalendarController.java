package org.hotline.desktop.calendar.internal;

import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.calendar.ServiceDay;
import org.hotline.cti.calendar.ServiceDayKind;
import org.hotline.desktop.control.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Administrators keep the hotline's service calendar: the exception days of a year, and a day set (added or changed)
 * or removed, each change in the audit log. The IVR's {@code hours} script reads the calendar on every call.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class ServiceCalendarController {

    /** A day as the page sends it: kind holiday, workday or special-hours; times HH:mm for special hours only. */
    record DayBody(String kind, String name, String opensAt, String closesAt) {
    }

    // the hotline's days are Beijing time's, whatever the server's zone
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ServiceCalendar calendar;
    private final AuditLog audit;

    ServiceCalendarController(ServiceCalendar calendar, AuditLog audit) {
        this.calendar = calendar;
        this.audit = audit;
    }

    @GetMapping("/api/admin/service-calendar")
    Map<String, Object> year(@RequestParam(required = false) Integer year) {
        int y = year == null ? LocalDate.now(ZONE).getYear() : year;
        return Map.of("year", y, "days", calendar.inYear(y).stream().map(ServiceCalendarController::json).toList());
    }

    @PutMapping("/api/admin/service-calendar/{date}")
    ResponseEntity<Map<String, Object>> put(@PathVariable String date, @RequestBody(required = false) DayBody body,
                                            Principal who) {
        if (body == null) {
            throw new IllegalArgumentException("body: empty (expected: {\"kind\": \"holiday\", \"name\": \"春节\"})");
        }
        ServiceDay day = new ServiceDay(date(date), ServiceDayKind.ofCode(body.kind()), body.name(),
                time("opensAt", body.opensAt()), time("closesAt", body.closesAt()));
        Optional<ServiceDay> before = calendar.find(day.date());
        boolean added = calendar.put(day, who.getName());
        Map<String, Object> detail = new LinkedHashMap<>(json(day));
        before.ifPresent(b -> detail.put("before", json(b)));
        audit.record(who.getName(), added ? "service-day-added" : "service-day-changed", "calendar:" + day.date(),
                detail);
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(json(day));
    }

    @DeleteMapping("/api/admin/service-calendar/{date}")
    ResponseEntity<Map<String, Object>> delete(@PathVariable String date, Principal who) {
        LocalDate day = date(date);
        Optional<ServiceDay> removed = calendar.delete(day);
        if (removed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "no exception on " + day));
        }
        audit.record(who.getName(), "service-day-removed", "calendar:" + day, json(removed.get()));
        return ResponseEntity.ok(json(removed.get()));
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> refused(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("message", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("message", "unreadable body (expected JSON: {\"kind\": "
                + "\"special-hours\", \"name\": \"除夕\", \"opensAt\": \"08:00\", \"closesAt\": \"12:00\"})"));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date: '" + text + "' (expected: YYYY-MM-DD, e.g. 2027-02-17)");
        }
    }

    private static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' (expected: HH:mm, e.g. 08:30)");
        }
    }

    private static Map<String, Object> json(ServiceDay d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", d.date().toString());
        m.put("kind", d.kind().code());
        m.put("name", d.name());
        m.put("opensAt", d.opensAt() == null ? null : d.opensAt().toString());
        m.put("closesAt", d.closesAt() == null ? null : d.closesAt().toString());
        return m;
    }
}
