package org.hotline.workorder.internal;

import org.hotline.cti.push.PushBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The work-order and crew-app controllers, their error mapping, the crew API's filter chain (package-private
 * classes, listed here) and the crew app's live line.
 */
@Configuration(proxyBeanMethods = false)
@Import({WorkOrderController.class, RevisitController.class, WorkOrderReportController.class,
    RepairCentreController.class, WorkOrderErrors.class,
    CrewController.class, CrewAdminController.class, CrewSignInController.class, CrewErrors.class,
    CrewApiSecurity.class})
public class WorkOrderWebParts {

    /** The crew app's live line, where a push bus carries the changes. */
    @Bean(destroyMethod = "close")
    @ConditionalOnBean(PushBus.class)
    CrewEvents crewEvents(PushBus bus) {
        return new CrewEvents(bus);
    }
}
