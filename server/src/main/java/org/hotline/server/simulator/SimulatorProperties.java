package org.hotline.server.simulator;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in PBX simulator the demo talks to instead of a real Asterisk ({@code hotline.simulator.*},
 * env {@code HOTLINE_SIMULATOR_*}). When enabled, {@code hotline.ami.*} is pointed at it.
 *
 * @param enabled start the simulator and connect to it (default true; set false for a real Asterisk)
 * @param callsPerMinute demo calls placed into {@code queues}; 0 places none (default 6)
 * @param queues the queues demo calls go to (default hotline, gas)
 * @param speed how much faster than real time simulated calls run (default 1)
 */
@ConfigurationProperties("hotline.simulator")
public record SimulatorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("6") double callsPerMinute,
                                  @DefaultValue({"hotline", "gas"}) List<String> queues,
                                  @DefaultValue("1") double speed) {
}
