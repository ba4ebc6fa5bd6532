package org.hotline.server.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data loaded at start-up ({@code hotline.demo.*}, env {@code HOTLINE_DEMO_*}); idempotent, so a restart adds
 * nothing twice.
 *
 * @param enabled create the demo users and customers (default true; set false on a production database)
 * @param customers how many synthetic customers the database should hold at least (default 20000)
 * @param seed the generator's seed, for the same data on every machine (default 95598)
 */
@ConfigurationProperties("hotline.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20000") int customers,
                             @DefaultValue("95598") long seed) {
}
