package org.hotline.workorder.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.workorder.WorkOrderRejectedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the work-order API's refusals into a 4xx and {@code {"message": …}} (plus the duplicates and outages on a 409). */
@RestControllerAdvice(assignableTypes = {WorkOrderController.class, RevisitController.class,
    WorkOrderReportController.class})
class WorkOrderErrors extends ApiErrors {

    @Override
    String neededRole() {
        return "a supervisor's or dispatcher's role";
    }

    @ExceptionHandler(WorkOrderRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(WorkOrderRejectedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        if (!e.duplicates().isEmpty()) {
            body.put("duplicates", e.duplicates());
        }
        if (!e.outages().isEmpty()) {
            body.put("outages", e.outages());
        }
        return ResponseEntity.status(status(e.kind())).body(body);
    }
}
