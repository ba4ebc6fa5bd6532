package org.hotline.desktop.customer.internal;

import java.util.Map;
import java.util.NoSuchElementException;
import org.hotline.cti.callback.CallbackConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns the desk APIs' refusals into a status and {@code {"message": …}} the page shows as it is. */
@RestControllerAdvice(assignableTypes = {CustomerController.class, ContactController.class, CallbackController.class,
        CardReadAuditController.class})
class DeskErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> badParameter(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, e.getName() + ": '" + e.getValue() + "' (expected: "
                + (e.getRequiredType() == null ? "another value" : e.getRequiredType().getSimpleName()) + ")");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "body: not the expected JSON (" + e.getMostSpecificCause().getMessage()
                + ")");
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(CallbackConflictException.class)
    ResponseEntity<Map<String, String>> conflict(CallbackConflictException e) {
        return body(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(CardReads.LimitReached.class)
    ResponseEntity<Map<String, String>> tooManyCards(CardReads.LimitReached e) {
        return body(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    @ExceptionHandler(NotYourCallException.class)
    ResponseEntity<Map<String, String>> notYourCall(NotYourCallException e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message == null ? status.getReasonPhrase() : message));
    }
}
