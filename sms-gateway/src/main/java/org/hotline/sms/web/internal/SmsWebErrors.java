package org.hotline.sms.web.internal;

import java.util.Map;
import java.util.NoSuchElementException;
import org.hotline.sms.arrears.ImportRejectedException;
import org.hotline.sms.campaign.CampaignStateException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input to the SMS pages' endpoints as {"message": …} (and the rows of a rejected import). */
@RestControllerAdvice(assignableTypes = {SmsCampaignController.class, ApiClientController.class,
        SmsSignatureController.class, SmsAttentionController.class, SmsAccountsController.class})
class SmsWebErrors {

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(ImportRejectedException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "errors", e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        return ResponseEntity.badRequest().body(Map.of("message", "bad request body: " + cause.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> bad(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("message", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(CampaignStateException.class)
    ResponseEntity<Map<String, Object>> conflict(CampaignStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, Object>> missing(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
    }
}
