package org.hotline.cti.ami;

import io.micrometer.core.instrument.MeterRegistry;
import org.hotline.cti.ami.internal.AmiHealthIndicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates and starts the {@link AmiConnection} from {@code hotline.ami.*} with the application's
 * {@link AmiListener}, plus its health indicator; off with {@code hotline.ami.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hotline.ami", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AmiProperties.class)
public class AmiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AmiConfiguration.class);

    /** The connection, started with the context and closed (with Logoff) when it closes. */
    @Bean(initMethod = "start", destroyMethod = "close")
    public AmiConnection amiConnection(AmiProperties properties, ObjectProvider<AmiListener> listener,
            ObjectProvider<MeterRegistry> registry) {
        AmiListener l = listener.getIfUnique(() -> {
            log.warn("No single AmiListener bean: AMI frames are counted but not used");
            return message -> { };
        });
        return new AmiConnection(properties, l, registry.getIfUnique());
    }

    /** {@code /actuator/health} component {@code ami}. */
    @Bean
    public AmiHealthIndicator amiHealthIndicator(AmiConnection amiConnection) {
        return new AmiHealthIndicator(amiConnection);
    }
}
