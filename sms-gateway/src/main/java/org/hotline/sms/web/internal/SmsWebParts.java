package org.hotline.sms.web.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The SMS controllers, their error mapping and the API's filter chain (package-private classes, listed here). */
@Configuration(proxyBeanMethods = false)
@Import({SmsApiSecurity.class, SmsApiController.class, SmsCampaignController.class, ApiClientController.class,
        SmsSignatureController.class, SmsWebErrors.class, ReceiptCallbacks.class, SmsAttentionController.class,
        SmsReportController.class, SmsAccountsController.class})
public class SmsWebParts {
}
