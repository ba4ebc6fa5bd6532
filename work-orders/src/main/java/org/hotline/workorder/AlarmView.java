package org.hotline.workorder;

import java.time.Instant;

/**
 * A warning or alarm that fired, as pushed to supervisors and dispatchers (push type {@code workorder-alarm}).
 *
 * @param id             the alarm's id (to acknowledge it)
 * @param orderId        the order
 * @param orderNo        its number
 * @param kind           warning, alarm, acceptance, escalation, promise_warning, promise_alarm
 * @param point          the point it waits for
 * @param pointName      what that point is
 * @param party          who answers for it
 * @param dueAt          when it was due
 * @param firedAt        when it first fired
 * @param late           fired late (the server was down or behind)
 * @param fireCount      how many times it was pushed (repeats until acknowledged)
 * @param smsStatus      for an escalation: sent, skipped_stale, quiet_hours, no_phones, not_configured, not_sent
 * @param acknowledgedAt when a person acknowledged it, or null
 * @param acknowledgedBy who, or null
 */
public record AlarmView(long id, long orderId, String orderNo, String kind, Point point, String pointName,
                        Party party, Instant dueAt, Instant firedAt, boolean late, int fireCount, String smsStatus,
                        Instant acknowledgedAt, String acknowledgedBy) {

    /** The push message type of alarms. */
    public static final String PUSH_TYPE = org.hotline.cti.push.PushMessage.TYPE_WORKORDER_ALARM;
}
