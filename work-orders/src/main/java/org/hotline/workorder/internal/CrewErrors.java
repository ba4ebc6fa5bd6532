package org.hotline.workorder.internal;

import java.util.Map;
import org.hotline.workorder.CrewAppRejectedException;
import org.hotline.workorder.WorkOrderRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Turns the crew API's refusals into a 4xx and {@code {"message": …}}. */
@RestControllerAdvice(assignableTypes = {CrewController.class, CrewAdminController.class})
class CrewErrors {

    @ExceptionHandler(WorkOrderRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(WorkOrderRejectedException e) {
        return body(switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        }, e.getMessage());
    }

    @ExceptionHandler(CrewAppRejectedException.class)
    ResponseEntity<Map<String, Object>> refused(CrewAppRejectedException e) {
        return body(switch (e.kind()) {
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        }, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, "upload too large (" + e.getMostSpecificCause().getMessage()
                + "); nothing was recorded");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> badMultipart(MultipartException e) {
        return body(HttpStatus.BAD_REQUEST, "body: not readable as multipart (" + e.getMostSpecificCause().getMessage()
                + ")");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + e.getContentType() + " (expected: one of "
                + e.getSupportedMediaTypes() + ")");
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

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, "this needs an administrator's role (tokens) or a supervisor's (crews)");
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message == null ? status.getReasonPhrase()
                : message));
    }
}
