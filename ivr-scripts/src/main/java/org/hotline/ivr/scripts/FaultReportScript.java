package org.hotline.ivr.scripts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.cti.customer.AccountStanding;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.ivr.FaultReports;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.IvrSms;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;
import org.hotline.ivr.Speech;

/**
 * {@code fault-report}: the caller confirms the account (read back digit by digit), chooses the fault kind by key, and
 * gets a repair order (point A is the call's end) with its number said and sent by SMS; an open order on the same
 * premises, or an outage over them, is told instead of a new order. Danger (3) is put through to an agent too. Sets
 * {@link IvrVariables#WORK_ORDER} or {@link IvrVariables#OUTAGE}; the path: {@code fault=<order>},
 * {@code fault=open:<order>}, {@code fault=outage:<outage>}, {@code fault=refused}, {@code fault=unconfirmed},
 * {@code fault=no-kind}, with {@code :danger} when the caller chose 3.
 */
public final class FaultReportScript implements IvrScript {

    private static final String KIND_KEYS = "1234";

    private final IdentifyScript identify;
    private final FaultReports faults;
    private final IvrSms sms;
    private final PhoneNumbers numbers;
    private final IvrProperties properties;
    private final Clock clock;

    /** The script over the identify script, the fault-report port and the SMS port. */
    public FaultReportScript(IdentifyScript identify, FaultReports faults, IvrSms sms, PhoneNumbers numbers,
                             IvrProperties properties, Clock clock) {
        this.identify = identify;
        this.faults = faults;
        this.sms = sms;
        this.numbers = numbers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "fault-report";
    }

    @Override
    public void run(IvrCall call) {
        Optional<AccountStanding> account = confirmedAccount(call);
        if (account.isEmpty()) {
            return;
        }
        char key = IvrCall.NO_KEY;
        for (int attempt = 1; attempt <= properties.retries() && key == IvrCall.NO_KEY; attempt++) {
            key = call.choose(Prompt.files(Prompt.FAULT_KIND_MENU), KIND_KEYS, properties.digitTimeout());
        }
        if (key == IvrCall.NO_KEY) {
            toAgent(call, "fault=no-kind", Prompt.SORRY_TRANSFER);
            return;
        }
        FaultReports.Kind kind = FaultReports.Kind.values()[KIND_KEYS.indexOf(key)];
        boolean danger = kind == FaultReports.Kind.DANGER;
        call.fact("kind", kind.name());
        PhoneNumber number = numbers.normalize(call.callerNumber());
        String callback = number.lookupable() ? number.normalized() : call.callerNumber();
        FaultReports.Result result = faults.report(new FaultReports.Report(call.callId(), account.get().customerId(),
                account.get().premisesId(), callback, kind));
        String suffix = danger ? ":danger" : "";
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        List<String> told;
        IvrSms.Request text;
        if (result instanceof FaultReports.Created c) {
            call.setVariable(IvrVariables.WORK_ORDER, c.orderNo());
            call.appendPath("fault=" + c.orderNo() + suffix);
            told = IvrCall.join(List.of(Prompt.FAULT_CREATED), Speech.digits(lastSix(c.orderNo())));
            text = orderText(call, number, c.orderNo());
        } else if (result instanceof FaultReports.AlreadyOpen o) {
            call.setVariable(IvrVariables.WORK_ORDER, o.orderNo());
            call.appendPath("fault=open:" + o.orderNo() + suffix);
            told = IvrCall.join(List.of(Prompt.FAULT_ALREADY_OPEN), Speech.digits(lastSix(o.orderNo())));
            text = orderText(call, number, o.orderNo());
        } else if (result instanceof FaultReports.InOutage o) {
            call.setVariable(IvrVariables.OUTAGE, o.outageNo());
            call.appendPath("fault=outage:" + o.outageNo() + suffix);
            told = IvrCall.join(List.of(Prompt.FAULT_IN_OUTAGE, Prompt.OUTAGE_EXPECTED_RESTORE),
                    Speech.dateTime(o.expectedEndAt().atZone(properties.zone()).toLocalDateTime(), today));
            text = new IvrSms.Request("ivr-fault:" + call.callId() + ":" + o.outageNo(), callback,
                    IvrSms.Purpose.FAULT_IN_OUTAGE, Map.of("outageNo", o.outageNo(),
                    "end", o.expectedEndAt().toString()));
        } else {
            call.fact("refused", ((FaultReports.Refused) result).reason());
            toAgent(call, "fault=refused" + suffix, danger ? Prompt.FAULT_DANGER : Prompt.SORRY_TRANSFER);
            return;
        }
        call.play(told, "");
        if (number.kind() == PhoneNumber.Kind.MOBILE) {
            call.say(CallerSms.send(call, sms, text));
        }
        if (danger) {
            // the order runs its clock, and a person still hears about the danger at once
            call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
            call.say(Prompt.FAULT_DANGER);
        } else {
            call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_HANGUP);
            call.say(Prompt.GOODBYE);
        }
    }

    // the account read back digit by digit: 1 confirms, 2 asks for another one
    private Optional<AccountStanding> confirmedAccount(IvrCall call) {
        Optional<AccountStanding> account = identify.account(call);
        for (int attempt = 1; attempt <= properties.retries() && account.isPresent(); attempt++) {
            List<String> confirm = IvrCall.join(List.of(Prompt.FAULT_CONFIRM_ACCOUNT),
                    Speech.digits(account.get().accountNo()), List.of(Prompt.FAULT_CONFIRM_MENU));
            char key = call.choose(confirm, "12", properties.digitTimeout());
            if (key == '1') {
                return account;
            }
            if (key == '2') {
                account = identify.askAccount(call);
            }
        }
        if (account.isPresent()) {
            toAgent(call, "fault=unconfirmed", Prompt.NOT_IDENTIFIED);
        }
        return Optional.empty();
    }

    private static IvrSms.Request orderText(IvrCall call, PhoneNumber number, String orderNo) {
        return new IvrSms.Request("ivr-fault:" + call.callId() + ":" + orderNo, number.normalized(),
                IvrSms.Purpose.FAULT_REPORTED, Map.of("orderNo", orderNo));
    }

    private static void toAgent(IvrCall call, String step, Prompt prompt) {
        call.appendPath(step);
        call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
        call.say(prompt);
    }

    private static String lastSix(String orderNo) {
        String digits = orderNo.replaceAll("[^0-9]", "");
        return digits.substring(Math.max(0, digits.length() - 6));
    }
}
