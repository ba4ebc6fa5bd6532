package org.hotline.sms.outbox;

/** What an opt-out reply (TD, 退订) stops, by company rule. */
public enum OptOutScope {
    /** Every kind of message to that number. */
    ALL,
    /** Only the kind of the last message sent to it (every kind when none was sent). */
    KIND
}
