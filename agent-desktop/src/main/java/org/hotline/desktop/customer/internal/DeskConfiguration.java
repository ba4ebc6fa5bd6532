package org.hotline.desktop.customer.internal;

import java.time.Clock;
import javax.sql.DataSource;
import org.hotline.desktop.customer.AgentCalls;
import org.hotline.desktop.customer.DeskProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The desk's own listener of call events (which calls reached which agent's phone) and its card-read audit. */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration {

    @Bean
    AgentCalls agentCalls() {
        return new AgentCalls();
    }

    @Bean
    CardReads cardReads(DataSource dataSource, DeskProperties settings, ObjectProvider<Clock> clock) {
        return new CardReads(dataSource, settings, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Deletes card reads past hotline.desk.card-read-retention, at start and every hour. */
    @Bean(initMethod = "start", destroyMethod = "close")
    CardReadRetention cardReadRetention(CardReads reads) {
        return new CardReadRetention(reads);
    }
}
