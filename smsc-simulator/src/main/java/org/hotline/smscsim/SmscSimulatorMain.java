package org.hotline.smscsim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.hotline.smscsim.cmpp.CmppSimulator;
import org.hotline.smscsim.cmpp.CmppSimulatorConfig;

/**
 * Runs the simulators alone for the demo: {@code port systemId password [receiptDelayMs] [failureShare] [cmppPort]}
 * (defaults 2775 hotline secret 500 0.05 7890): the SMPP SMSC, and the CMPP gateway on the second port (SP id
 * 901234, secret as given, reports after the same delay; {@code cmppPort} 0 leaves it off).
 */
public final class SmscSimulatorMain {

    private SmscSimulatorMain() {
    }

    /** Starts and runs until the process is stopped. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2775;
        String systemId = args.length > 1 ? args[1] : "hotline";
        String password = args.length > 2 ? args[2] : "secret";
        long delay = args.length > 3 ? Long.parseLong(args[3]) : 500;
        double failures = args.length > 4 ? Double.parseDouble(args[4]) : 0.05;
        SmscSimulatorConfig config = new SmscSimulatorConfig(port, systemId, password, SmscSimulatorConfig.IdFormat.HEX,
                SmscSimulatorConfig.IdFormat.HEX, Duration.ofMillis(delay), failures, 0, System.nanoTime(),
                SmscSimulatorConfig.ReceiptText.GSM, SmscSimulatorConfig.ReceiptRedelivery.NEXT_BIND);
        SmscSimulator simulator = SmscSimulator.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        org.slf4j.LoggerFactory.getLogger(SmscSimulatorMain.class).info("SMSC simulator on port {}", simulator.port());
        int cmppPort = args.length > 5 ? Integer.parseInt(args[5]) : 7890;
        if (cmppPort > 0) {
            CmppSimulatorConfig defaults = CmppSimulatorConfig.defaults();
            CmppSimulator gateway = CmppSimulator.start(new CmppSimulatorConfig(cmppPort, defaults.spId(), password,
                    Duration.ofMillis(delay), failures, 0, System.nanoTime()));
            Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
            org.slf4j.LoggerFactory.getLogger(SmscSimulatorMain.class).info("CMPP gateway simulator on port {} (SP id"
                    + " {})", gateway.port(), defaults.spId());
        }
        new CountDownLatch(1).await();
    }
}
