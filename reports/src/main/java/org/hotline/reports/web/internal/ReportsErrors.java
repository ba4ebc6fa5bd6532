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

    @ExceptionHandler(ReportRequestException.class)
    ResponseEntity<Map<String, Object>> refused(ReportRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getParameterName() + ": missing"));
    }
}
