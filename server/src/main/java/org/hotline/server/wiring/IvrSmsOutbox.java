package org.hotline.server.wiring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.ivr.IvrSms;
import org.hotline.sms.outbox.EnqueueResult;
import org.hotline.sms.outbox.OutboundSms;
import org.hotline.sms.outbox.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.template.SmsTemplate;
import org.hotline.sms.template.SmsTemplates;

/**
 * The IVR's SMS through the gateway's outbox: the text is the administrators' template named {@code ivr-<purpose>}
 * ({@code ivr-arrears-payment}, {@code ivr-fault-reported}, {@code ivr-fault-in-outage}) when there is one, else a
 * built-in text; signature and opt-out text by the gateway's rules. Sent at once, quiet hours or not: the caller
 * asked for it a moment ago.
 */
public final class IvrSmsOutbox implements IvrSms {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter MONTH_DAY_TIME = DateTimeFormatter.ofPattern("M月d日HH:mm");

    private final SmsOutbox outbox;
    private final SmsTemplates templates;
    private final PhoneNumbers numbers;
    private final ZoneId zone;
    private final Clock clock;

    /** Queues in {@code outbox} with the texts of {@code templates}, dates in {@code zone}. */
    public IvrSmsOutbox(SmsOutbox outbox, SmsTemplates templates, PhoneNumbers numbers, ZoneId zone, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.numbers = numbers;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Outcome send(Request request) {
        PhoneNumber number = numbers.normalize(request.number());
        if (number.kind() != PhoneNumber.Kind.MOBILE) {
            return Outcome.NOT_A_MOBILE;
        }
        SmsKind kind = switch (request.purpose()) {
            case ARREARS_PAYMENT -> SmsKind.ARREARS;
            case FAULT_REPORTED -> SmsKind.WORK_ORDER;
            case FAULT_IN_OUTAGE -> SmsKind.OUTAGE;
        };
        Map<String, String> fields = readable(request.fields());
        String templateName = "ivr-" + request.purpose().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        Optional<SmsTemplate> template = templates.find(templateName);
        String text = template.isPresent() ? templates.render(template.get(), fields)
                : templates.rules().finish(builtIn(request.purpose(), fields), kind);
        EnqueueResult r = outbox.enqueue(List.of(new OutboundSms(request.key(), number.normalized(), text, kind, null,
                clock.instant())));
        return r.optedOut() > 0 ? Outcome.OPTED_OUT : Outcome.QUEUED;
    }

    // dates and times the way an SMS says them
    private Map<String, String> readable(Map<String, String> fields) {
        Map<String, String> out = new HashMap<>(fields);
        if (fields.containsKey("dueDate")) {
            out.put("dueDate", LocalDate.parse(fields.get("dueDate")).format(MONTH_DAY));
        }
        if (fields.containsKey("end")) {
            out.put("end", Instant.parse(fields.get("end")).atZone(zone).format(MONTH_DAY_TIME));
        }
        return out;
    }

    private static String builtIn(Purpose purpose, Map<String, String> f) {
        return switch (purpose) {
            case ARREARS_PAYMENT -> "您的户号" + f.get("accountNo") + "当前欠费" + f.get("amount") + "元，请于"
                    + f.get("dueDate") + "前缴纳。可通过网上国网App、微信或支付宝生活缴费、供电营业厅缴费。";
            case FAULT_REPORTED -> "您的报修已受理，工单号" + f.get("orderNo") + "，抢修人员将尽快处理。";
            case FAULT_IN_OUTAGE -> "您所在区域正在停电抢修（停电编号" + f.get("outageNo") + "），预计" + f.get("end")
                    + "恢复供电，无需重复报修。";
        };
    }
}
