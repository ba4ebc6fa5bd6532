package org.hotline.sms.outbox;

/** What becomes of an in-doubt message no receipt settled within the window (ADR 0026), set per kind. */
public enum UnsettledPolicy {
    /** Send the unaccounted parts again: at least once (a duplicate is possible when the SMSC had them). */
    RESEND,
    /** Keep it for a person to resend or close: at most once (listed, counted, settled still by a late receipt). */
    HOLD
}
