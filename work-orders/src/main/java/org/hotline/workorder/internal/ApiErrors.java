package org.hotline.workorder.internal;

import java.util.Map;
import org.hotline.workorder.WorkOrderRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every work-order API answers to bad input: a 4xx with {@code {"message": …}}; the advices of the desk's and the
 * crew's controllers extend it with their own refusals and the role a refused request lacked.
 */
abstract class ApiErrors {

    /** The role a request refused by method security lacked, in a few words. */
    abstract String neededRole();

    // method security's refusal: a 403 with a reason rather than the login page's redirect
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, "this needs " + neededRole());
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

    static HttpStatus status(WorkOrderRejectedException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message == null ? status.getReasonPhrase()
                : message));
    }
}
