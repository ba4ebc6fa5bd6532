package org.hotline.ivr.scripts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.cti.customer.AccountStanding;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.IvrSms;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;
import org.hotline.ivr.Speech;

/**
 * {@code arrears}: says what the caller's account owes and by when (the Chinese way), and offers the payment details by
 * SMS to a mobile caller ("1 SMS, 2 agent, 3 again"). The path: {@code arrears=none}, {@code arrears=owed:sms},
 * {@code arrears=owed:agent}, {@code arrears=owed:heard}; a caller served here ends the call ({@link IvrVariables#NEXT}
 * {@code hangup}).
 */
public final class ArrearsScript implements IvrScript {

    private final IdentifyScript identify;
    private final IvrSms sms;
    private final PhoneNumbers numbers;
    private final IvrProperties properties;
    private final Clock clock;

    /** The script over the identify script's account lookup and the SMS port. */
    public ArrearsScript(IdentifyScript identify, IvrSms sms, PhoneNumbers numbers, IvrProperties properties,
                         Clock clock) {
        this.identify = identify;
        this.sms = sms;
        this.numbers = numbers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "arrears";
    }

    @Override
    public void run(IvrCall call) {
        Optional<AccountStanding> found = identify.account(call);
        if (found.isEmpty()) {
            return;
        }
        AccountStanding account = found.get();
        if (account.owed().signum() <= 0) {
            call.appendPath("arrears=none");
            call.fact("owed", BigDecimal.ZERO);
            call.say(Prompt.ARREARS_NONE);
            return;
        }
        call.fact("owed", account.owed());
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        List<Object> said = new ArrayList<>(List.of(Prompt.ARREARS_OWED));
        said.addAll(Speech.amount(account.owed()));
        said.add(Prompt.ARREARS_DUE);
        said.addAll(Speech.date(account.dueDate(), today));
        if (account.daysOverdue() > 0 || account.dueDate().isBefore(today)) {
            said.add(Prompt.ARREARS_OVERDUE);
        }
        PhoneNumber number = numbers.normalize(call.callerNumber());
        boolean mobile = number.kind() == PhoneNumber.Kind.MOBILE;
        said.add(mobile ? Prompt.ARREARS_MENU_SMS : Prompt.ARREARS_MENU);
        List<String> files = IvrCall.join(said);
        String keys = mobile ? "123" : "23";
        int silent = 0;
        for (int plays = 1; silent < properties.menuRepeats() && plays <= 10; plays++) {
            char key = call.choose(files, keys, properties.digitTimeout());
            if (key == '1') {
                text(call, account, number);
                return;
            }
            if (key == '2') {
                call.appendPath("arrears=owed:agent");
                call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
                return;
            }
            silent += key == IvrCall.NO_KEY ? 1 : 0;
        }
        call.appendPath("arrears=owed:heard");
        call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_HANGUP);
        call.say(Prompt.GOODBYE);
    }

    private void text(IvrCall call, AccountStanding account, PhoneNumber number) {
        Prompt told = CallerSms.send(call, sms, new IvrSms.Request("ivr-arrears:" + call.callId() + ":"
                + account.accountNo(), number.normalized(), IvrSms.Purpose.ARREARS_PAYMENT, Map.of("accountNo",
                account.accountNo(), "amount", account.owed().toPlainString(), "dueDate", account.dueDate().toString())));
        if (told == Prompt.SMS_SENT) {
            call.appendPath("arrears=owed:sms");
            call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_HANGUP);
            call.say(told, Prompt.GOODBYE);
        } else {
            // not sent: an agent can give the details
            call.appendPath("arrears=owed:sms-" + (told == Prompt.SMS_OPTED_OUT ? "opted-out" : "failed"));
            call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
            call.say(told);
        }
    }
}
