package org.hotline.smscsim.cmpp;

import java.time.Duration;

/**
 * How the simulated CMPP gateway (ISMG) behaves.
 *
 * @param port TCP port, 0 for any free port
 * @param spId the only Source_Addr accepted at CMPP_CONNECT (others get status 2)
 * @param secret its shared secret (a wrong authenticator gets status 3)
 * @param receiptDelay time from submit to the status report; null sends none
 * @param failureShare share of status reports that report failure (half UNDELIV, half EXPIRED), 0..1
 * @param maxSubmitsPerSecond above this rate submits get Result 8 (flow control); 0 for no limit
 * @param seed seeds the failure choice, so a run is repeatable
 */
public record CmppSimulatorConfig(int port, String spId, String secret, Duration receiptDelay, double failureShare,
                                  int maxSubmitsPerSecond, long seed) {

    /** Checks ranges. */
    public CmppSimulatorConfig {
        if (failureShare < 0 || failureShare > 1) {
            throw new IllegalArgumentException("failureShare: " + failureShare + " (expected: 0..1)");
        }
        if (port < 0 || port > 65535 || maxSubmitsPerSecond < 0) {
            throw new IllegalArgumentException("port: " + port + ", maxSubmitsPerSecond: " + maxSubmitsPerSecond);
        }
    }

    /** Any port, SP id {@code 901234} / secret {@code secret}, reports after 100 ms, no failures, no throttling. */
    public static CmppSimulatorConfig defaults() {
        return new CmppSimulatorConfig(0, "901234", "secret", Duration.ofMillis(100), 0, 0, 1);
    }

    /** This config on another port. */
    public CmppSimulatorConfig withPort(int p) {
        return new CmppSimulatorConfig(p, spId, secret, receiptDelay, failureShare, maxSubmitsPerSecond, seed);
    }

    /** This config with other status reports. */
    public CmppSimulatorConfig withReceipts(Duration delay, double failures) {
        return new CmppSimulatorConfig(port, spId, secret, delay, failures, maxSubmitsPerSecond, seed);
    }

    /** This config with a flow-control rate (0: none). */
    public CmppSimulatorConfig withMaxSubmitsPerSecond(int rate) {
        return new CmppSimulatorConfig(port, spId, secret, receiptDelay, failureShare, rate, seed);
    }
}
