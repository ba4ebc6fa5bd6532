package org.hotline.server.wiring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.desktop.control.AuditLog;
import org.hotline.sms.template.SmsSignatureChanged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Joins the SMS gateway's settings to the audit log: an administrator's new signature is recorded with the change. */
@Configuration(proxyBeanMethods = false)
public class SmsWiring {

    /** Writes each {@link SmsSignatureChanged} to the audit log, in the transaction that changed it. */
    @Bean
    SmsSignatureAudit smsSignatureAudit(AuditLog audit) {
        return new SmsSignatureAudit(audit);
    }

    /** Writes {@link SmsSignatureChanged} to the audit log. */
    record SmsSignatureAudit(AuditLog audit) {

        @EventListener
        void on(SmsSignatureChanged c) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("signature", c.after());
            detail.put("before", c.before());
            audit.record(c.by(), "sms-signature-changed", "sms:signature", detail);
        }
    }
}
