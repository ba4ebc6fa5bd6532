package org.hotline.cti.call;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the call tracker the AMI connection's listener and fans its events out to every {@link TelephonyListener}. */
@Configuration(proxyBeanMethods = false)
public class TelephonyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelephonyConfiguration.class);

    /** The tracker; one listener that throws does not keep the event from the others. */
    @Bean
    public CallTracker callTracker(ObjectProvider<TelephonyListener> listeners) {
        List<TelephonyListener> all = listeners.orderedStream().toList();
        return new CallTracker(event -> {
            for (TelephonyListener listener : all) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException ex) {
                    // the event's name only: its caller's number must not reach the log whole (the MDC has the call id)
                    log.error("{} failed on {}", listener.getClass().getSimpleName(),
                            event.getClass().getSimpleName(), ex);
                }
            }
        });
    }
}
