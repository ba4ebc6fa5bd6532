package org.hotline.sms.web;

import org.hotline.sms.web.internal.SmsWebParts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The SMS controllers, their error mapping and the API's filter chain. */
@Configuration(proxyBeanMethods = false)
@Import(SmsWebParts.class)
@EnableConfigurationProperties(SmsApiProperties.class)
public class SmsWebConfiguration {
}
