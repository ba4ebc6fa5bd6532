package org.hotline.desktop.calendar.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.cti.calendar.OpeningHours;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.calendar.ServiceDay;
import org.hotline.cti.calendar.ServiceDayKind;
import org.hotline.cti.calendar.WeekdayHours;
import org.hotline.cti.calendar.WeeklyHours;
import org.hotline.desktop.control.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
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
 * Administrators keep the hotline's service calendar: the weekly hours (shown with the settings' hours on the days
 * nobody set, saved as a whole week), the exception days of a year, and a day set (added or changed) or removed, each
 * change in the audit log. The IVR's {@code hours} script reads the calendar on every call.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class ServiceCalendarController {

    /** A day as the page sends it: kind holiday, workday or special-hours; times HH:mm for special hours only. */
    record DayBody(String kind, String name, String opensAt, String closesAt) {
    }

    /** The week as the page sends it: the seven days, each open with its times (HH:mm) or closed. */
    record WeekBody(List<WeekdayBody> days) {
    }

    /** One day of the week: {@code day} MONDAY to SUNDAY; times only when {@code open}. */
    record WeekdayBody(String day, Boolean open, String opensAt, String closesAt) {
    }

    // the hotline's days are Beijing time's, whatever the server's zone
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String WEEK_EXAMPLE = "{\"days\": [{\"day\": \"MONDAY\", \"open\": true, \"opensAt\": "
            + "\"08:30\", \"closesAt\": \"17:30\"}, …, {\"day\": \"SUNDAY\", \"open\": false}]}";

    private final ServiceCalendar calendar;
    private final AuditLog audit;
    private final ObjectProvider<OpeningHours> settings;

    ServiceCalendarController(ServiceCalendar calendar, AuditLog audit, ObjectProvider<OpeningHours> settings) {
        this.calendar = calendar;
        this.audit = audit;
        this.settings = settings;
    }

    @GetMapping("/api/admin/service-calendar/weekly-hours")
    Map<String, Object> weeklyHours() {
        // without the IVR's settings on this server, its default: 24 hours every day
        OpeningHours base = settings.getIfAvailable(() -> OpeningHours.ALWAYS);
        Optional<WeeklyHours> stored = calendar.weeklyHours();
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        stored.ifPresent(w -> w.days().forEach(d -> set.add(d.day())));
        OpeningHours week = stored.map(w -> base.with(w.days())).orElse(base);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("days", week.days().stream().map(d -> json(d, set.contains(d.day()) ? "administrator" : "settings"))
                .toList());
        m.put("updatedBy", stored.map(WeeklyHours::updatedBy).orElse(null));
        m.put("updatedAt", stored.map(w -> w.updatedAt().toString()).orElse(null));
        return m;
    }

    @PutMapping("/api/admin/service-calendar/weekly-hours")
    Map<String, Object> putWeeklyHours(@RequestBody(required = false) WeekBody body, Principal who) {
        if (body == null || body.days() == null || body.days().isEmpty()) {
            throw new IllegalArgumentException("days: empty (expected: " + WEEK_EXAMPLE + ")");
        }
        List<WeekdayHours> week = new ArrayList<>();
        for (WeekdayBody d : body.days()) {
            week.add(weekday(d));
        }
        Optional<WeeklyHours> before = calendar.weeklyHours();
        calendar.putWeeklyHours(week, who.getName());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("days", OpeningHours.of(week).days().stream().map(d -> json(d, null)).toList());
        before.ifPresent(b -> detail.put("before", b.days().stream().map(d -> json(d, null)).toList()));
        audit.record(who.getName(), "weekly-hours-changed", "calendar:weekly-hours", detail);
        return weeklyHours();
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
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (request.getRequestURI().endsWith("/weekly-hours")) {
            return ResponseEntity.badRequest().body(Map.of("message", "unreadable body (expected JSON: " + WEEK_EXAMPLE
                    + ")"));
        }
        return ResponseEntity.badRequest().body(Map.of("message", "unreadable body (expected JSON: {\"kind\": "
                + "\"special-hours\", \"name\": \"除夕\", \"opensAt\": \"08:00\", \"closesAt\": \"12:00\"})"));
    }

    private static WeekdayHours weekday(WeekdayBody d) {
        if (d == null) {
            throw new IllegalArgumentException("days: an empty entry (expected: " + WEEK_EXAMPLE + ")");
        }
        DayOfWeek day;
        try {
            day = DayOfWeek.valueOf(String.valueOf(d.day()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("day: '" + d.day() + "' (expected: MONDAY to SUNDAY)");
        }
        if (d.open() == null) {
            throw new IllegalArgumentException(day + " open: empty (expected: true or false)");
        }
        LocalTime opens = time(day + " opensAt", d.opensAt());
        LocalTime closes = time(day + " closesAt", d.closesAt());
        if (!d.open()) {
            if (opens != null || closes != null) {
                throw new IllegalArgumentException(day + " opensAt, closesAt: " + opens + ", " + closes
                        + " (expected: none on a closed day)");
            }
            return WeekdayHours.closed(day);
        }
        return WeekdayHours.open(day, opens, closes);
    }

    private static Map<String, Object> json(WeekdayHours d, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", d.day().name());
        m.put("open", d.isOpen());
        m.put("opensAt", d.opensAt() == null ? null : d.opensAt().toString());
        m.put("closesAt", d.closesAt() == null ? null : d.closesAt().toString());
        if (source != null) {
            m.put("source", source);
        }
        return m;
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
