package org.hotline.server.embedded;

import java.util.HashMap;
import java.util.Map;
import org.hotline.pbxsim.PbxSimulator;
import org.hotline.server.simulator.SimulatorProperties;
import org.hotline.smscsim.SmscSimulator;
import org.hotline.smscsim.SmscSimulatorConfig;
import org.hotline.smscsim.cmpp.CmppSimulator;
import org.hotline.smscsim.cmpp.CmppSimulatorConfig;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL, Redis, PBX simulator and SMSC simulator that the settings ask for, before the application context
 * binds its settings, and points {@code spring.datasource.*}, {@code hotline.push.redis-uri} and {@code hotline.ami.*}
 * at them. They are registered as the context's first disposable bean, so they stop after everything that uses them.
 */
public final class EmbeddedServersPostProcessor implements EnvironmentPostProcessor {

    /** Bean name of the {@link EmbeddedServers} of a context. */
    public static final String BEAN = "hotlineEmbeddedServers";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        EmbeddedProperties embedded = binder.bindOrCreate("hotline.embedded", Bindable.of(EmbeddedProperties.class));
        SimulatorProperties simulator = binder.bindOrCreate("hotline.simulator", Bindable.of(SimulatorProperties.class));
        boolean amiEnabled = binder.bind("hotline.ami.enabled", Boolean.class).orElse(true);

        EmbeddedServers servers = new EmbeddedServers();
        Map<String, Object> props = new HashMap<>();
        try {
            if (embedded.postgres().enabled() && !environment.containsProperty("spring.datasource.url")) {
                props.put("spring.datasource.url", servers.startPostgres(embedded.postgres()));
                props.put("spring.datasource.username", "postgres");
                props.put("spring.datasource.password", "");
            }
            if (embedded.redis().enabled() && !hasText(environment, "hotline.push.redis-uri")) {
                props.put("hotline.push.redis-uri", servers.startRedis(embedded.redis()));
            }
            if (simulator.enabled() && amiEnabled) {
                PbxSimulator sim = servers.startSimulator(simulator.speed());
                props.put("hotline.ami.host", "127.0.0.1");
                props.put("hotline.ami.port", sim.port());
                props.put("hotline.ami.username", sim.config().username());
                props.put("hotline.ami.secret", sim.config().secret());
            }
            if (embedded.smsc().enabled() && embedded.smsc().cmpp()
                    && !hasText(environment, "hotline.sms.smsc[0].host")) {
                CmppSimulator gateway = servers.startCmpp();
                props.put("hotline.sms.smsc[0].name", "cmpp-simulator");
                props.put("hotline.sms.smsc[0].protocol", "cmpp");
                props.put("hotline.sms.smsc[0].host", "127.0.0.1");
                props.put("hotline.sms.smsc[0].port", gateway.port());
                props.put("hotline.sms.smsc[0].system-id", CmppSimulatorConfig.defaults().spId());
                props.put("hotline.sms.smsc[0].password", CmppSimulatorConfig.defaults().secret());
            } else if (embedded.smsc().enabled() && !hasText(environment, "hotline.sms.smsc[0].host")) {
                SmscSimulator smsc = servers.startSmsc();
                props.put("hotline.sms.smsc[0].name", "simulator");
                props.put("hotline.sms.smsc[0].host", "127.0.0.1");
                props.put("hotline.sms.smsc[0].port", smsc.port());
                props.put("hotline.sms.smsc[0].system-id", SmscSimulatorConfig.defaults().systemId());
                props.put("hotline.sms.smsc[0].password", SmscSimulatorConfig.defaults().password());
            }
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("hotlineEmbeddedServers", props));
        application.addInitializers(context -> {
            DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerSingleton(BEAN, servers);
            beans.registerDisposableBean(BEAN, servers::close);
        });
    }

    private static boolean hasText(ConfigurableEnvironment environment, String key) {
        String v = environment.getProperty(key);
        return v != null && !v.isBlank();
    }
}
