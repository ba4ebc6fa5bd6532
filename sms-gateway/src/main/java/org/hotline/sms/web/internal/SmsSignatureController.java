package org.hotline.sms.web.internal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.sms.template.SmsSignature;
import org.hotline.sms.template.SmsSignatureChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signature every text starts with: administrators read and set it (the change and its audit entry in one
 * transaction), supervisors read it for the campaign page.
 */
@RestController
class SmsSignatureController {

    /** A signature to set: 【】 around 2 to 20 characters. */
    record SignatureRequest(String signature) {
    }

    private final SmsSignature signature;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    SmsSignatureController(SmsSignature signature, ApplicationEventPublisher events, PlatformTransactionManager tx) {
        this.signature = signature;
        this.events = events;
        this.tx = new TransactionTemplate(tx);
    }

    @GetMapping("/api/sms/signature")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    Map<String, Object> read() {
        return json(signature.current());
    }

    @GetMapping("/api/admin/sms/signature")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> adminRead() {
        return json(signature.current());
    }

    @PutMapping("/api/admin/sms/signature")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> set(@RequestBody(required = false) SignatureRequest request, Principal who) {
        String wanted = SmsSignature.check(request == null ? null : request.signature());
        SmsSignature.Current after = tx.execute(status -> {
            String before = signature.current().signature();
            SmsSignature.Current set = signature.set(wanted, who.getName());
            events.publishEvent(new SmsSignatureChanged(before, set.signature(), who.getName()));
            return set;
        });
        return json(after);
    }

    private static Map<String, Object> json(SmsSignature.Current c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signature", c.signature());
        m.put("source", c.fromSetting() ? "setting" : "administrator");
        m.put("setting", c.setting());
        m.put("updatedBy", c.updatedBy());
        m.put("updatedAt", c.updatedAt() == null ? null : c.updatedAt().toString());
        return m;
    }
}
