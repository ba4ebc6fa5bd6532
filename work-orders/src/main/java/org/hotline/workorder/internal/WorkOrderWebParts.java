package org.hotline.workorder.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The work-order and crew-app controllers, their error mapping and the crew API's filter chain (package-private
 * classes, listed here).
 */
@Configuration(proxyBeanMethods = false)
@Import({WorkOrderController.class, RevisitController.class, RepairCentreController.class, WorkOrderErrors.class,
    CrewController.class, CrewAdminController.class, CrewErrors.class, CrewApiSecurity.class})
public class WorkOrderWebParts {
}
