package org.hotline.desktop.pop.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.push.PopStore;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.Subscription;
import org.hotline.desktop.DesktopProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Serves {@code /ws/agent} and feeds it from the push bus. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(DesktopProperties.class)
class PopSocketConfiguration implements WebSocketConfigurer {

    private final PopSocketHandler handler;
    private final DesktopProperties properties;

    PopSocketConfiguration(PopStore store, DesktopProperties properties, ObjectProvider<Presence> presence) {
        this.properties = properties;
        this.handler = new PopSocketHandler(new AgentSessions(), store, properties, presence.getIfAvailable());
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        var registration = registry.addHandler(handler, "/ws/agent");
        if (!properties.allowedOrigins().isEmpty()) {
            registration.setAllowedOrigins(properties.allowedOrigins().toArray(String[]::new));
        }
    }

    /** Every pop on the bus goes to this node's sessions of its agent; after a gap every session gets a new snapshot. */
    @Bean(destroyMethod = "close")
    Subscription popSocketSubscription(PushBus bus) {
        Subscription subscription = bus.subscribe(PopSocketHandler::wants, handler::deliver, handler::resendSnapshots);
        return () -> {
            subscription.close();
            handler.close();
        };
    }

    /** {@code hotline.websocket.sessions{endpoint="/ws/agent"}}: the sessions open on this node. */
    @Bean
    MeterBinder popSocketMeters() {
        return registry -> Gauge.builder("hotline.websocket.sessions", handler, h -> h.sessionCount())
                .tag("endpoint", "/ws/agent").description("WebSocket sessions open on this node").register(registry);
    }
}
