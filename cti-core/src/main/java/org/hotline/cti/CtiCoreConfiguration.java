package org.hotline.cti;

import org.hotline.cti.ami.AmiConfiguration;
import org.hotline.cti.call.TelephonyConfiguration;
import org.hotline.cti.calendar.CalendarConfiguration;
import org.hotline.cti.callback.CallbackConfiguration;
import org.hotline.cti.callrecord.CallRecordConfiguration;
import org.hotline.cti.queuelog.QueueLogConfiguration;
import org.hotline.cti.control.ControlConfiguration;
import org.hotline.cti.customer.CustomerConfiguration;
import org.hotline.cti.customerimport.CustomerImportConfiguration;
import org.hotline.cti.network.NetworkConfiguration;
import org.hotline.cti.outage.OutageConfiguration;
import org.hotline.cti.presence.PresenceConfiguration;
import org.hotline.cti.push.PushConfiguration;
import org.hotline.cti.recording.RecordingConfiguration;
import org.hotline.cti.screenpop.ScreenPopConfiguration;
import org.hotline.cti.spy.SpyConfiguration;
import org.hotline.cti.survey.SurveyConfiguration;
import org.hotline.cti.wallboard.WallboardConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything cti-core offers a Spring application: AMI, call tracking, customers and agents, screen-pops, push,
 * outages and the supply network, callbacks, call control, the agents' desk states, call records and their
 * reconciliation with queue_log, the wallboard, the customer import, the service calendar, satisfaction surveys,
 * supervisors on calls and call recordings.
 */
@Configuration(proxyBeanMethods = false)
@Import({AmiConfiguration.class, TelephonyConfiguration.class, CustomerConfiguration.class, PushConfiguration.class,
        ScreenPopConfiguration.class, OutageConfiguration.class, NetworkConfiguration.class,
        CallbackConfiguration.class, ControlConfiguration.class, PresenceConfiguration.class,
        CallRecordConfiguration.class, QueueLogConfiguration.class, WallboardConfiguration.class,
        CustomerImportConfiguration.class, CalendarConfiguration.class, SurveyConfiguration.class,
        SpyConfiguration.class, RecordingConfiguration.class})
public class CtiCoreConfiguration {
}
