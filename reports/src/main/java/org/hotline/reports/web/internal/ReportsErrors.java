package org.hotline.reports.web.internal;

import java.util.Map;
import org.hotline.reports.ReportRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns a report request that cannot be answered into a 400 with {@code {"message": …}}. */
@RestControllerAdvice(assignableTypes = {ReportsController.class, ReportAdminController.class})
class ReportsErrors {

    /** The refusal's reason, and its field ("range", "periods", "zone" …) as a code the page words in its language. */
    @ExceptionHandler(ReportRequestException.class)
    ResponseEntity<Map<String, Object>> refused(ReportRequestException e) {
        String message = e.getMessage();
        int colon = message.indexOf(':');
        String code = colon > 0 && message.substring(0, colon).matches("[a-z ]+") ? message.substring(0, colon) : "other";
        return ResponseEntity.badRequest().body(Map.of("message", message, "code", code.replace(' ', '-')));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getParameterName() + ": missing"));
    }
}
