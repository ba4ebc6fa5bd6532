package org.hotline.workorder.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The work-order controller and its error mapping (package-private classes, listed here). */
@Configuration(proxyBeanMethods = false)
@Import({WorkOrderController.class, WorkOrderErrors.class, RepairCentreController.class})
public class WorkOrderWebParts {
}
