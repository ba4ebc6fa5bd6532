package org.hotline.desktop.outage.internal;

import java.util.Map;
import org.hotline.cti.network.NetworkImportException;
import org.hotline.cti.network.NetworkRejectedException;
import org.hotline.cti.outage.OutageRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns refusals of this package's endpoints into 400/404/409 with {"message": …} (and row errors for imports). */
@RestControllerAdvice(assignableTypes = {OutageController.class, LookupController.class, NetworkController.class,
        PublicOutageController.class})
class OutageErrors {

    @ExceptionHandler(OutageRejectedException.class)
    ResponseEntity<Map<String, Object>> outage(OutageRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(NetworkRejectedException.class)
    ResponseEntity<Map<String, Object>> network(NetworkRejectedException e) {
        return ResponseEntity.status(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)
                .body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(NetworkImportException.class)
    ResponseEntity<Map<String, Object>> imports(NetworkImportException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "errors", e.errors()));
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badArgument(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("message", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("message",
                "unreadable body (expected JSON with ISO-8601 times such as 2026-11-23T08:00:00Z)"));
    }
}
