package org.hotline.pbxsim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator alone against a real client, e.g.
 * {@code --port 5038 --load 5/s --agents 20 [--queue hotline] [--duration 600] [--speed 1]
 * [--abandon 0.1] [--noanswer 0.05] [--user hotline --secret hotline]}.
 */
public final class Main {

    private Main() {
    }

    /** Starts a simulator from command-line options and runs until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        // our own file name, so that the logback.xml of a module that embeds the simulator is never shadowed
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "pbxsim-logback.xml");
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        SimulatorConfig config = SimulatorConfig.defaults().withPort(5038);
        double rate = 0;
        int agents = 0;
        String queue = "hotline";
        Duration duration = Duration.ofDays(365);
        double abandon = 0;
        double noAnswer = 0;
        String user = config.username();
        String secret = config.secret();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--port" -> config = config.withPort(Integer.parseInt(value));
                case "--speed" -> config = config.withSpeed(Double.parseDouble(value));
                case "--load" -> rate = Double.parseDouble(value.replace("/s", ""));
                case "--agents" -> agents = Integer.parseInt(value);
                case "--queue" -> queue = value;
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
                case "--abandon" -> abandon = Double.parseDouble(value);
                case "--noanswer" -> noAnswer = Double.parseDouble(value);
                case "--user" -> user = value;
                case "--secret" -> secret = value;
                default -> throw new IllegalArgumentException("unknown option: " + args[i]
                        + " (expected: --port, --speed, --load, --agents, --queue, --duration, --abandon, --noanswer,"
                        + " --user, --secret)");
            }
            i++;
        }
        config = config.withCredentials(user, secret);
        if (agents > 0) {
            config = config.withQueues(QueueConfig.ofAgents(queue, 1001, agents));
        }
        PbxSimulator sim = PbxSimulator.start(config);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "pbxsim-shutdown"));
        if (rate > 0) {
            LoadRun run = sim.startLoad(LoadProfile.of(rate, duration, queue).withRatios(abandon, noAnswer));
            run.done().thenAccept(r -> log.info("load done: {}", r));
        }
        log.info("AMI on port {} (user {}); stop with Ctrl-C", sim.port(), user);
        stop.await();
    }
}
