package org.hotline.desktop.control.internal;

import javax.sql.DataSource;
import org.hotline.desktop.control.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log for supervisor actions. */
@Configuration(proxyBeanMethods = false)
class ControlWebConfiguration {

    @Bean
    AuditLog auditLog(DataSource dataSource) {
        return new AuditLog(dataSource);
    }
}
