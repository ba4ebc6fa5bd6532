package org.hotline.server.wiring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.sms.campaign.QuietHours;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.workorder.AlarmView;
import org.hotline.workorder.ManagerNotifier;

/** Puts work-order escalations to unit managers into sms-gateway's outbox (one message per manager and alarm). */
public final class EscalationSms implements ManagerNotifier {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final SmsOutbox outbox;
    private final String signature;
    private final QuietHours quiet;
    private final PhoneNumbers numbers;
    private final Clock clock;

    /** Queues in {@code outbox} with the company's {@code signature}, holding nothing back outside {@code quiet}. */
    public EscalationSms(SmsOutbox outbox, String signature, QuietHours quiet, PhoneNumbers numbers, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.quiet = Objects.requireNonNull(quiet, "quiet");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // a configured label is "中文 English": an SMS says the Chinese part only
    private static String chinese(String label) {
        String l = label == null ? "" : label.strip();
        int space = l.indexOf(' ');
        return space < 0 ? l : l.substring(0, space);
    }

    @Override
    public Outcome notifyManagers(AlarmView alarm, String unitName, List<String> phones) {
        Instant now = clock.instant();
        if (quiet.nextAllowed(now).isAfter(now)) {
            // an escalation delivered next morning is stale: the desktop alarm carries it meanwhile
            return Outcome.QUIET_HOURS;
        }
        ZoneId zone = quiet.zone();
        String due = alarm.dueAt().atZone(zone).format(HH_MM);
        // the escalation is about acceptance; the stage SMS (where a type asks for them) about a stage's limit
        String text = switch (alarm.kind()) {
            case "warning", "promise_warning" -> signature + "工单" + alarm.orderNo() + "（" + unitName + "）" + "“"
                    + chinese(alarm.pointName()) + "”即将超时（" + due + "预警），请督办。";
            case "alarm", "promise_alarm" -> signature + "工单" + alarm.orderNo() + "（" + unitName + "）" + "“"
                    + chinese(alarm.pointName()) + "”已于" + due + "超时，请督办。";
            default -> signature + "工单" + alarm.orderNo() + "已派" + unitName + "，" + due + "前未接单("
                    + alarm.pointName() + ")，请督办。";
        };
        List<OutboundSms> messages = new ArrayList<>();
        for (String phone : phones) {
            PhoneNumber number = numbers.normalize(phone);
            // SMS reach mobiles only; a manager's desk phone is for the dispatcher to ring
            if (number.kind() == PhoneNumber.Kind.MOBILE) {
                String normalized = number.normalized();
                // the key makes a retried escalation (scheduler transaction failed after queuing) a no-op
                messages.add(new OutboundSms("workorder-alarm:" + alarm.id() + ":" + normalized, normalized, text,
                        SmsKind.ESCALATION, null, now));
            }
        }
        if (messages.isEmpty()) {
            return Outcome.NOT_SENT;
        }
        outbox.enqueue(messages);
        return Outcome.SENT;
    }
}
