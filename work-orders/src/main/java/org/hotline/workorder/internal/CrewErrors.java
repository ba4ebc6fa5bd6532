package org.hotline.workorder.internal;

import java.util.Map;
import org.hotline.workorder.CrewAppRejectedException;
import org.hotline.workorder.WorkOrderRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Turns the crew API's refusals into a 4xx and {@code {"message": …}}. */
@RestControllerAdvice(assignableTypes = {CrewController.class, CrewAdminController.class,
    CrewSignInController.class})
class CrewErrors extends ApiErrors {

    @Override
    String neededRole() {
        return "an administrator's role (tokens, accounts), a supervisor's or dispatcher's (crews), a crew member's (sign-in)";
    }

    @ExceptionHandler(WorkOrderRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(WorkOrderRejectedException e) {
        return body(status(e.kind()), e.getMessage());
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
}
