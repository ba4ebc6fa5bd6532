package org.hotline.sms.smpp;

import org.hotline.sms.message.ReceiptState;

/** One configured SMSC account with its binds: submits paced to its rate and window, receipts and MO to a listener. */
public interface SmscConnection extends AutoCloseable {

    /** The configured name. */
    String name();

    /** Submits it takes at once (its window), so callers can size their thread pools to it. */
    int maxInFlight();

    /** The source_addr of its submits (a receipt comes back addressed to it). */
    String sourceAddress();

    /** The longest source address its protocol carries (SMPP's source_addr and CMPP's Src_Id: 21). */
    default int maxSourceLength() {
        return 21;
    }

    /** Binds and keeps the binds up (reconnecting with capped backoff) until closed. */
    void start();

    /**
     * Why the last bind attempt failed (e.g. {@code bind refused: ESME_RBINDFAIL (0x0d)}), or why this account stopped
     * sending (a setting that does not fit the SMSC), or null.
     */
    String lastError();

    /** Whether at least one bind can send now. */
    boolean bound();

    /**
     * Sends one submit_sm, waiting for the rate limit, a free window slot and the response; retries by itself while
     * the SMSC answers ESME_RTHROTTLED or ESME_RMSGQFUL.
     */
    SubmitResult submit(OutboundPart part) throws InterruptedException;

    /**
     * The state the SMSC reports for an accepted part by query_sm ({@code messageId} canonical), or null when this
     * account has query_sm off, nothing is bound or the SMSC does not answer.
     */
    default ReceiptState query(String messageId) throws InterruptedException {
        return null;
    }

    /** Whether this account is set to ask query_sm ({@code hotline.sms.smsc[n].query-sm}). */
    default boolean answersQuery() {
        return false;
    }

    /** Unbinds every session, then closes it. */
    @Override
    void close();
}
