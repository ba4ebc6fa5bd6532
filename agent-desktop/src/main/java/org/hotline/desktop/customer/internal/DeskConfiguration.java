package org.hotline.desktop.customer.internal;

import org.hotline.desktop.customer.AgentCalls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The desk's own listener of call events: which calls reached which agent's phone. */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration {

    @Bean
    AgentCalls agentCalls() {
        return new AgentCalls();
    }
}
