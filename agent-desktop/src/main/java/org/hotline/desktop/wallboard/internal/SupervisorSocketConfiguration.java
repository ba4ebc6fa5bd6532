package org.hotline.desktop.wallboard.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.Subscription;
import org.hotline.desktop.DesktopProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Serves {@code /ws/supervisor} and feeds it the wallboard frames from the push bus (from whichever node). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class SupervisorSocketConfiguration implements WebSocketConfigurer {

    private final SupervisorSocketHandler handler;
    private final DesktopProperties properties;

    SupervisorSocketConfiguration(DesktopProperties properties) {
        this.properties = properties;
        this.handler = new SupervisorSocketHandler(properties);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        var registration = registry.addHandler(handler, "/ws/supervisor").addInterceptors(new SupervisorHandshake());
        if (!properties.allowedOrigins().isEmpty()) {
            registration.setAllowedOrigins(properties.allowedOrigins().toArray(String[]::new));
        }
    }

    /** Every wallboard frame on the bus goes to this node's supervisor sessions; the next frame heals a gap. */
    @Bean(destroyMethod = "close")
    Subscription supervisorSocketSubscription(PushBus bus) {
        return bus.subscribe(SupervisorSocketHandler::wants, handler::deliver, () -> { });
    }

    /** {@code hotline.websocket.sessions{endpoint="/ws/supervisor"}}: the sessions open on this node. */
    @Bean
    MeterBinder supervisorSocketMeters() {
        return registry -> Gauge.builder("hotline.websocket.sessions", handler, h -> h.sessionCount())
                .tag("endpoint", "/ws/supervisor").description("WebSocket sessions open on this node").register(registry);
    }
}
