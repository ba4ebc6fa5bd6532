package org.hotline.cti;

import org.hotline.cti.ami.AmiConfiguration;
import org.hotline.cti.call.TelephonyConfiguration;
import org.hotline.cti.customer.CustomerConfiguration;
import org.hotline.cti.network.NetworkConfiguration;
import org.hotline.cti.outage.OutageConfiguration;
import org.hotline.cti.push.PushConfiguration;
import org.hotline.cti.screenpop.ScreenPopConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything cti-core offers a Spring application: AMI, call tracking, customers and agents, screen-pops, push. */
@Configuration(proxyBeanMethods = false)
@Import({AmiConfiguration.class, TelephonyConfiguration.class, CustomerConfiguration.class, PushConfiguration.class,
        ScreenPopConfiguration.class, OutageConfiguration.class, NetworkConfiguration.class})
public class CtiCoreConfiguration {
}
