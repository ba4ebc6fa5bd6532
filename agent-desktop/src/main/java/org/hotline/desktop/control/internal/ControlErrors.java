package org.hotline.desktop.control.internal;

import java.util.Map;
import org.hotline.cti.control.ControlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns a failed command into {@code {"outcome": "refused|failed|timed-out", "code": "…", "message": "…",
 * "detail": "…"}} with the status its kind maps to; the desk page translates {@code code}.
 */
@RestControllerAdvice(assignableTypes = {ControlController.class, SupervisorAgentsController.class})
class ControlErrors {

    private static final Logger log = LoggerFactory.getLogger(ControlErrors.class);

    @ExceptionHandler(ControlException.class)
    ResponseEntity<Map<String, String>> failed(ControlException e) {
        if (e.kind().httpStatus() >= 500) {
            log.warn("control command failed: {}", e.getMessage());
        }
        return ResponseEntity.status(e.kind().httpStatus()).body(Map.of("outcome", e.outcome().wire(),
                "code", e.code(), "message", String.valueOf(e.getMessage()), "detail", e.detail()));
    }
}
