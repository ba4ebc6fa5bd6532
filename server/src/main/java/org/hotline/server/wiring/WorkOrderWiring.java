package org.hotline.server.wiring;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.push.PushProperties;
import org.hotline.cti.push.PushBus;
import org.hotline.sms.campaign.QuietHours;
import org.hotline.sms.campaign.SmsCampaignProperties;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsSignature;
import org.hotline.desktop.control.AuditLog;
import org.hotline.workorder.AlarmView;
import org.hotline.workorder.CrewAccountAssigned;
import org.hotline.workorder.ManagerNotifier;
import org.hotline.workorder.WorkOrders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Joins work orders to the SMS gateway (escalations to unit managers go through the outbox) and to the agent desk
 * (a changed order reaches the agents who have its customer popped), and crew accounts to the audit log.
 */
@Configuration(proxyBeanMethods = false)
public class WorkOrderWiring {

    /**
     * The managers' SMS; the outbox, SMS settings and the signature in use (an administrator may change it) are looked
     * up when an escalation fires (auto-configured later).
     */
    @Bean
    ManagerNotifier managerNotifier(ObjectProvider<SmsOutbox> outbox, ObjectProvider<SmsCampaignProperties> sms,
                                    ObjectProvider<SmsSignature> signatures, PhoneNumbers numbers,
                                    ObjectProvider<Clock> clock) {
        return new ManagerNotifier() {
            @Override
            public Outcome notifyManagers(AlarmView alarm, String unitName, List<String> phones) {
                SmsOutbox o = outbox.getIfAvailable();
                if (o == null) {
                    return Outcome.NOT_SENT;
                }
                SmsCampaignProperties p = sms.getIfAvailable();
                SmsSignature current = signatures.getIfAvailable();
                String signature = current != null ? current.get() : p == null ? "" : p.signature();
                // no SMS settings: no quiet hours (a start equal to the end never holds anything)
                QuietHours quiet = p == null ? new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                        ZoneId.of("Asia/Shanghai")) : p.quietHours();
                return new EscalationSms(o, signature, quiet, numbers, clock.getIfAvailable(Clock::systemUTC))
                        .notifyManagers(alarm, unitName, phones);
            }
        };
    }

    /** An administrator's binding of a crew member's account to a crew goes to the audit log with the user changes. */
    @Bean
    CrewAccountAudit crewAccountAudit(AuditLog audit) {
        return new CrewAccountAudit(audit);
    }

    /** Writes {@link CrewAccountAssigned} to the audit log. */
    record CrewAccountAudit(AuditLog audit) {

        @EventListener
        void on(CrewAccountAssigned a) {
            audit.record(a.by(), "crew-account-assigned", a.username(), Map.of("crew", a.crew()));
        }
    }

    /** Pushes each committed order change to the agents whose current pops show the order's customer. */
    @Bean(destroyMethod = "close")
    WorkOrderDeskPush workOrderDeskPush(ObjectProvider<WorkOrders> orders, PushBus bus, PushProperties push,
                                        ObjectMapper json) {
        WorkOrderDeskPush desk = new WorkOrderDeskPush(bus, json, push.endedLinger(), System::nanoTime);
        bus.subscribe(WorkOrderDeskPush::wants, desk::onBus, () -> { });
        orders.ifAvailable(o -> o.onChange(desk::accept));
        return desk;
    }
}
