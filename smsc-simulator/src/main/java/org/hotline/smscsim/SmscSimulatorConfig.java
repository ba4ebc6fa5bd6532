package org.hotline.smscsim;

import java.time.Duration;

/**
 * How the simulated SMSC behaves: where it listens, whom it lets bind, id formats, receipts and throttling.
 *
 * @param port TCP port, 0 for any free port
 * @param systemId the only system_id accepted (others get ESME_RBINDFAIL)
 * @param password its password
 * @param submitIdFormat how message ids are written in submit_sm_resp
 * @param receiptIdFormat how the same ids are written in receipts ({@code id:} and receipted_message_id)
 * @param receiptDelay time from submit to the delivery receipt; null sends none
 * @param failureShare share of receipts that report failure (half UNDELIV, half EXPIRED), 0..1
 * @param maxSubmitsPerSecond above this rate submits get ESME_RTHROTTLED; 0 for no limit
 * @param seed seeds the failure choice, so a run is repeatable
 */
public record SmscSimulatorConfig(int port, String systemId, String password, IdFormat submitIdFormat,
                                  IdFormat receiptIdFormat, Duration receiptDelay, double failureShare,
                                  int maxSubmitsPerSecond, long seed) {

    /** How an id is written on the wire. */
    public enum IdFormat {
        /** Upper-case hexadecimal, e.g. {@code 1A2B}. */
        HEX,
        /** Decimal digits, e.g. {@code 6699}. */
        DECIMAL
    }

    /** Checks ranges. */
    public SmscSimulatorConfig {
        if (failureShare < 0 || failureShare > 1) {
            throw new IllegalArgumentException("failureShare: " + failureShare + " (expected: 0..1)");
        }
        if (port < 0 || port > 65535 || maxSubmitsPerSecond < 0) {
            throw new IllegalArgumentException("port: " + port + ", maxSubmitsPerSecond: " + maxSubmitsPerSecond);
        }
    }

    /** Any port, system id {@code hotline} / password {@code secret}, hex ids, receipts after 100 ms, no failures. */
    public static SmscSimulatorConfig defaults() {
        return new SmscSimulatorConfig(0, "hotline", "secret", IdFormat.HEX, IdFormat.HEX, Duration.ofMillis(100),
                0, 0, 1);
    }

    /** This config on another port. */
    public SmscSimulatorConfig withPort(int p) {
        return new SmscSimulatorConfig(p, systemId, password, submitIdFormat, receiptIdFormat, receiptDelay,
                failureShare, maxSubmitsPerSecond, seed);
    }

    /** This config with other id formats. */
    public SmscSimulatorConfig withIdFormats(IdFormat submit, IdFormat receipt) {
        return new SmscSimulatorConfig(port, systemId, password, submit, receipt, receiptDelay, failureShare,
                maxSubmitsPerSecond, seed);
    }

    /** This config with other receipts. */
    public SmscSimulatorConfig withReceipts(Duration delay, double failures) {
        return new SmscSimulatorConfig(port, systemId, password, submitIdFormat, receiptIdFormat, delay, failures,
                maxSubmitsPerSecond, seed);
    }

    /** This config with a throttling rate (0: none). */
    public SmscSimulatorConfig withMaxSubmitsPerSecond(int rate) {
        return new SmscSimulatorConfig(port, systemId, password, submitIdFormat, receiptIdFormat, receiptDelay,
                failureShare, rate, seed);
    }
}
