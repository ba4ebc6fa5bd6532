package org.hotline.server.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.pbxsim.LoadProfile;
import org.hotline.pbxsim.LoadRun;
import org.hotline.pbxsim.PbxSimulator;
import org.hotline.server.embedded.EmbeddedServers;
import org.hotline.server.simulator.SimulatorProperties;
import org.hotline.workorder.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads the demo users and customers, then lets the simulator place demo calls. */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

    private final DemoProperties demo;
    private final SimulatorProperties simulator;
    private final DataSource dataSource;
    private final AgentDirectory agents;
    private final ObjectProvider<EmbeddedServers> servers;
    private final ObjectProvider<WorkOrders> workOrders;
    private volatile LoadRun load;

    DemoConfiguration(DemoProperties demo, SimulatorProperties simulator, DataSource dataSource,
                      AgentDirectory agents, ObjectProvider<EmbeddedServers> servers,
                      ObjectProvider<WorkOrders> workOrders) {
        this.demo = demo;
        this.simulator = simulator;
        this.dataSource = dataSource;
        this.agents = agents;
        this.servers = servers;
        this.workOrders = workOrders;
    }

    // before the ready banner (ReadyBanner, last): it lists the demo users this creates
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void loadDemo() {
        if (demo.enabled()) {
            DemoUsers.ensure(dataSource, agents);
            new DemoDataGenerator().generate(dataSource, demo.customers(), demo.seed());
            workOrders.ifAvailable(orders -> {
                int units = DemoWorkOrderUnits.ensure(new JdbcTemplate(dataSource), orders);
                if (units > 0) {
                    log.info("demo: {} repair teams and crews added under the repair centres", units);
                }
            });
        }
        EmbeddedServers embedded = servers.getIfAvailable();
        PbxSimulator sim = embedded == null ? null : embedded.simulator();
        if (sim != null && simulator.callsPerMinute() > 0) {
            LoadProfile profile = LoadProfile.of(simulator.callsPerMinute() / 60.0, Duration.ofDays(3650),
                    simulator.queues().toArray(String[]::new)).withRatios(0.1, 0.1).withCallerNumbers(callerNumbers());
            load = sim.startLoad(profile);
            log.info("simulator places {} demo calls a minute into {}", simulator.callsPerMinute(), simulator.queues());
        }
    }

    /** Numbers of demo customers (and a few strangers), so most demo calls pop a card. */
    private List<String> callerNumbers() {
        List<String> numbers = new ArrayList<>(new JdbcTemplate(dataSource).queryForList(
                "select normalized from customer_phones order by customer_id limit 400", String.class));
        numbers.addAll(List.of("13700000001", "02155550000", "anonymous"));
        return numbers;
    }

    @Override
    public void close() {
        LoadRun run = load;
        if (run != null) {
            run.stop();
        }
    }
}
