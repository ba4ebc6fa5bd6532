package org.hotline.smscsim;

import java.time.Duration;
import java.util.Objects;

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
 * @param receiptText how the receipt's {@code text:} field is written
 * @param receiptRedelivery what becomes of a receipt whose connection is gone
 */
public record SmscSimulatorConfig(int port, String systemId, String password, IdFormat submitIdFormat,
                                  IdFormat receiptIdFormat, Duration receiptDelay, double failureShare,
                                  int maxSubmitsPerSecond, long seed, ReceiptText receiptText,
                                  ReceiptRedelivery receiptRedelivery) {

    /** How an id is written on the wire. */
    public enum IdFormat {
        /** Upper-case hexadecimal, e.g. {@code 1A2B}. */
        HEX,
        /** Decimal digits, e.g. {@code 6699}. */
        DECIMAL
    }

    /** How the receipt's {@code text:} shows the message (SMPP 3.4 Appendix B: the first 20 characters). */
    public enum ReceiptText {
        /** In the GSM default alphabet, {@code ?} for any character it lacks (a UCS-2 text shows as question marks). */
        GSM,
        /** Empty ({@code text:} with nothing after it), as many SMSCs write it. */
        EMPTY,
        /** The characters themselves, the receipt in UCS-2 when they are not ASCII (few SMSCs do this). */
        FULL
    }

    /**
     * What becomes of a receipt when the session it was due on is gone (ADR 0026). SMPP 3.4 leaves it to the SMSC: a
     * store-and-forward SMSC keeps it and delivers it to the account's next receiver bind; others drop it.
     */
    public enum ReceiptRedelivery {
        /** Kept and delivered on the next receiver bind of the account (retried until acknowledged). */
        NEXT_BIND,
        /** Dropped: only the session that submitted the message gets its receipt, while it lives. */
        NONE
    }

    /** Checks ranges. */
    public SmscSimulatorConfig {
        if (failureShare < 0 || failureShare > 1) {
            throw new IllegalArgumentException("failureShare: " + failureShare + " (expected: 0..1)");
        }
        if (port < 0 || port > 65535 || maxSubmitsPerSecond < 0) {
            throw new IllegalArgumentException("port: " + port + ", maxSubmitsPerSecond: " + maxSubmitsPerSecond);
        }
        Objects.requireNonNull(receiptText, "receiptText");
        Objects.requireNonNull(receiptRedelivery, "receiptRedelivery");
    }

    /**
     * Any port, system id {@code hotline} / password {@code secret}, hex ids, receipts after 100 ms, no failures,
     * receipt text in GSM with {@code ?}, receipts kept for the next bind.
     */
    public static SmscSimulatorConfig defaults() {
        return new SmscSimulatorConfig(0, "hotline", "secret", IdFormat.HEX, IdFormat.HEX, Duration.ofMillis(100),
                0, 0, 1, ReceiptText.GSM, ReceiptRedelivery.NEXT_BIND);
    }

    /** This config on another port. */
    public SmscSimulatorConfig withPort(int p) {
        return new SmscSimulatorConfig(p, systemId, password, submitIdFormat, receiptIdFormat, receiptDelay,
                failureShare, maxSubmitsPerSecond, seed, receiptText, receiptRedelivery);
    }

    /** This config with other id formats. */
    public SmscSimulatorConfig withIdFormats(IdFormat submit, IdFormat receipt) {
        return new SmscSimulatorConfig(port, systemId, password, submit, receipt, receiptDelay, failureShare,
                maxSubmitsPerSecond, seed, receiptText, receiptRedelivery);
    }

    /** This config with other receipts. */
    public SmscSimulatorConfig withReceipts(Duration delay, double failures) {
        return new SmscSimulatorConfig(port, systemId, password, submitIdFormat, receiptIdFormat, delay, failures,
                maxSubmitsPerSecond, seed, receiptText, receiptRedelivery);
    }

    /** This config with another receipt text and redelivery. */
    public SmscSimulatorConfig withReceiptText(ReceiptText text, ReceiptRedelivery redelivery) {
        return new SmscSimulatorConfig(port, systemId, password, submitIdFormat, receiptIdFormat, receiptDelay,
                failureShare, maxSubmitsPerSecond, seed, text, redelivery);
    }

    /** This config with a throttling rate (0: none). */
    public SmscSimulatorConfig withMaxSubmitsPerSecond(int rate) {
        return new SmscSimulatorConfig(port, systemId, password, submitIdFormat, receiptIdFormat, receiptDelay,
                failureShare, rate, seed, receiptText, receiptRedelivery);
    }
}
