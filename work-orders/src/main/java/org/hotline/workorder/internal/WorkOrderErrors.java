package org.hotline.workorder.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.workorder.WorkOrderRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns the work-order API's refusals into a 4xx and {@code {"message": …}} (plus the duplicates and outages on a 409). */
@RestControllerAdvice(assignableTypes = {WorkOrderController.class, RevisitController.class})
class WorkOrderErrors {

    @ExceptionHandler(WorkOrderRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(WorkOrderRejectedException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        if (!e.duplicates().isEmpty()) {
            body.put("duplicates", e.duplicates());
        }
        if (!e.outages().isEmpty()) {
            body.put("outages", e.outages());
        }
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, e.getName() + ": '" + e.getValue() + "' (expected: "
                + (e.getRequiredType() == null ? "another value" : e.getRequiredType().getSimpleName()) + ")");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "body: not the expected JSON (" + e.getMostSpecificCause().getMessage()
                + ")");
    }

    // method security's refusal: a 403 with a reason rather than the login page's redirect
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, "this needs a supervisor's or dispatcher's role");
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message == null ? status.getReasonPhrase()
                : message));
    }
}
