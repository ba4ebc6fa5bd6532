package org.hotline.sms.outbox;

/** What a message is for; opt-outs and campaigns are per kind. */
public enum SmsKind {
    /** Payment reminders (催费), IC-card low balance. */
    ARREARS,
    /** Outage and restoration notices. */
    OUTAGE,
    /** Work-order confirmations and progress. */
    WORK_ORDER,
    /** Escalations to managers. */
    ESCALATION,
    /** Anything else sent through the API. */
    GENERAL;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
