package org.hotline.cti.push.internal;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.cti.push.PushProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * UP when Redis answers PING within the command timeout and the push channel's subscribing connection is up;
 * the details name the server and the channel, never the password.
 */
final class RedisPushHealthIndicator implements HealthIndicator {

    private final StatefulRedisConnection<String, String> commands;
    private final RedisPushBus bus;
    private final String server;
    private final PushProperties properties;

    RedisPushHealthIndicator(StatefulRedisConnection<String, String> commands, RedisPushBus bus, RedisURI uri,
                             PushProperties properties) {
        this.commands = commands;
        this.bus = bus;
        this.server = uri.getHost() + ":" + uri.getPort();
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder builder = new Health.Builder()
                .withDetail("server", server)
                .withDetail("channel", properties.channel())
                .withDetail("nodeId", properties.nodeId())
                .withDetail("subscribed", bus.connected());
        if (!commands.isOpen()) {
            return builder.down().withDetail("error", "not connected, reconnecting").build();
        }
        try {
            // async with our own wait, so a health probe never queues behind a disconnected connection's backlog
            commands.async().ping().get(properties.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return builder.down().withDetail("error", "PING: no answer within " + properties.commandTimeout()).build();
        } catch (ExecutionException | RedisException e) {
            return builder.down(e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.down(e).build();
        }
        return bus.connected() ? builder.up().build()
                : builder.down().withDetail("error", "subscription not connected, reconnecting").build();
    }
}
