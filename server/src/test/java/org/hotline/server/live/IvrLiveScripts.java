package org.hotline.server.live;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.internal.FastAgiServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The live tests' FastAGI server: every script of the application, plus stand-ins for the scripts the dialplan calls
 * that this build does not have yet ({@code hours}: always open; {@code main-menu}: runs the script named by the
 * caller's {@code LAB_MAIN_MENU} variable, as if the caller had chosen it, else nothing; {@code queue-offer} and
 * {@code survey}: nothing). A real script of the same name replaces its stand-in, so the shipped {@code [hotline-ivr]} runs end to
 * end either way.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IvrLiveScripts {

    /** The dialplan's script names that get a stand-in when missing. */
    static final Set<String> STAND_INS = Set.of("hours", "main-menu", "queue-offer", "survey");

    /** The FastAGI server (replaces the auto-configured one, which steps back when this bean exists). */
    @Bean(initMethod = "start", destroyMethod = "close")
    FastAgiServer fastAgiServer(IvrProperties properties, List<IvrScript> scripts, DataSource dataSource,
                                ObjectProvider<Clock> clock) {
        Map<String, IvrScript> byName = scripts.stream().collect(Collectors.toMap(IvrScript::name,
                Function.identity()));
        List<IvrScript> all = new ArrayList<>(scripts);
        for (String name : STAND_INS) {
            if (!byName.containsKey(name)) {
                all.add(standIn(name, byName));
            }
        }
        return new FastAgiServer(properties, all, dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    private static IvrScript standIn(String name, Map<String, IvrScript> real) {
        return new IvrScript() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(IvrCall call) {
                if (name.equals("main-menu")) {
                    IvrScript chosen = real.get(call.variable("LAB_MAIN_MENU"));
                    if (chosen != null) {
                        chosen.run(call);
                    }
                }
            }
        };
    }
}
