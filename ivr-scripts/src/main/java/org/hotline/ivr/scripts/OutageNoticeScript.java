package org.hotline.ivr.scripts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.outage.Outage;
import org.hotline.cti.outage.OutageKind;
import org.hotline.cti.outage.Outages;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;
import org.hotline.ivr.Speech;

/**
 * {@code outage-notice}: when the caller's premises (by the account identified, else by the caller's number) are in
 * an outage, says so with the expected restore time, then "1 to hear again, 2 for an agent". A caller who presses 2
 * goes to the queue ({@code outage=<no>:agent}); one who hears it out is thanked and the call ends
 * ({@code outage=<no>:heard}, {@link IvrVariables#NEXT} {@code hangup}): a deflected call, counted by the reports.
 */
public final class OutageNoticeScript implements IvrScript {

    // the most times one caller hears the notice, pressing 1 or not
    private static final int MAX_PLAYS = 10;

    private final Outages outages;
    private final PhoneNumbers numbers;
    private final IvrProperties properties;
    private final Clock clock;

    /** The script over the outage register. */
    public OutageNoticeScript(Outages outages, PhoneNumbers numbers, IvrProperties properties, Clock clock) {
        this.outages = outages;
        this.numbers = numbers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "outage-notice";
    }

    @Override
    public void run(IvrCall call) {
        Instant now = clock.instant();
        String account = call.variable(IvrVariables.ACCOUNT);
        List<Outage> found;
        if (!account.isEmpty()) {
            found = outages.activeForAccount(account, now);
        } else {
            PhoneNumber number = numbers.normalize(call.callerNumber());
            found = number.lookupable() ? outages.activeForCaller(number.normalized(), now) : List.of();
        }
        if (found.isEmpty()) {
            call.appendPath("outage=none");
            return;
        }
        // the one that ends last: the caller wants to know when all of their supply is back
        Outage outage = found.stream().max(java.util.Comparator.comparing(Outage::expectedEndAt)).orElseThrow();
        call.setVariable(IvrVariables.OUTAGE, outage.outageNo());
        call.fact("outageNo", outage.outageNo());
        LocalDate today = now.atZone(properties.zone()).toLocalDate();
        List<String> notice = IvrCall.join(
                List.of(outage.kind() == OutageKind.PLANNED ? Prompt.OUTAGE_PLANNED : Prompt.OUTAGE_UNPLANNED,
                        Prompt.OUTAGE_EXPECTED_RESTORE),
                Speech.dateTime(outage.expectedEndAt().atZone(properties.zone()).toLocalDateTime(), today),
                List.of(Prompt.OUTAGE_MENU));
        // a caller who presses 1 hears it again; one who presses nothing hears it menuRepeats times in all
        int silent = 0;
        for (int plays = 1; silent < properties.menuRepeats() && plays <= MAX_PLAYS; plays++) {
            char key = call.choose(notice, "12", properties.digitTimeout());
            call.fact("plays", plays);
            silent += key == IvrCall.NO_KEY ? 1 : 0;
            if (key == '2') {
                call.appendPath("outage=" + outage.outageNo() + ":agent");
                call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
                return;
            }
        }
        call.appendPath("outage=" + outage.outageNo() + ":heard");
        call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_HANGUP);
        call.fact("deflected", true);
        call.say(Prompt.GOODBYE);
    }
}
