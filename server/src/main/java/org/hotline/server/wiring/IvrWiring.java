package org.hotline.server.wiring;

import java.time.Clock;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.ivr.FaultReports;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrSms;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsTemplates;
import org.hotline.workorder.WorkOrders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Joins the IVR to the SMS gateway (texts to callers) and to work orders (faults reported by keypad). */
@Configuration(proxyBeanMethods = false)
public class IvrWiring {

    /** The IVR's SMS; the outbox and templates are auto-configured later, so they are looked up when a text is sent. */
    @Bean
    IvrSms ivrSms(ObjectProvider<SmsOutbox> outbox, ObjectProvider<SmsTemplates> templates, PhoneNumbers numbers,
                  ObjectProvider<IvrProperties> ivr, ObjectProvider<Clock> clock) {
        return request -> {
            SmsOutbox o = outbox.getIfAvailable();
            SmsTemplates t = templates.getIfAvailable();
            if (o == null || t == null) {
                throw new IllegalStateException("the SMS gateway is not configured on this server");
            }
            return new IvrSmsOutbox(o, t, numbers, ivr.getObject().zone(), clock.getIfAvailable(Clock::systemUTC))
                    .send(request);
        };
    }

    /** The IVR's fault reports as work orders of {@code hotline.ivr.fault-order-type}. */
    @Bean
    FaultReports faultReports(ObjectProvider<WorkOrders> orders, ObjectProvider<IvrProperties> ivr) {
        return report -> {
            WorkOrders o = orders.getIfAvailable();
            if (o == null) {
                throw new IllegalStateException("work orders are not configured on this server");
            }
            return new IvrFaultOrders(o, ivr.getObject().faultOrderType()).report(report);
        };
    }
}
