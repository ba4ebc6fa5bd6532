package org.hotline.sms.web.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The SMS controllers, their error mapping and the API's filter chain. */
@Configuration(proxyBeanMethods = false)
@Import({SmsApiSecurity.class, SmsApiController.class, SmsCampaignController.class, ApiClientController.class,
        SmsWebErrors.class})
public class SmsWebConfiguration {
}
