package org.hotline.ivr.scripts;

import java.util.List;
import java.util.Optional;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;

/**
 * {@code identify}: the caller's number names one customer with one account, or the caller keys the account number
 * in (ending with '#', with retries and a check digit where the company has one). Sets
 * {@link IvrVariables#CUSTOMER_ID} and {@link IvrVariables#ACCOUNT}; the path says how ({@code identify=number},
 * {@code identify=account}, {@code identify=none}).
 */
public final class IdentifyScript implements IvrScript {

    private final CustomerDirectory customers;
    private final PhoneNumbers numbers;
    private final IvrProperties properties;

    /** The script over the customer directory. */
    public IdentifyScript(CustomerDirectory customers, PhoneNumbers numbers, IvrProperties properties) {
        this.customers = customers;
        this.numbers = numbers;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "identify";
    }

    @Override
    public void run(IvrCall call) {
        PhoneNumber number = numbers.normalize(call.callerNumber());
        List<CustomerCard> byNumber = number.lookupable() ? customers.findByPhone(number, 2) : List.of();
        if (byNumber.size() == 1 && byNumber.get(0).accounts().size() == 1) {
            identified(call, byNumber.get(0), byNumber.get(0).accounts().get(0).accountNo(), "number");
            return;
        }
        call.fact("customersForNumber", byNumber.size());
        for (int attempt = 1; attempt <= properties.retries(); attempt++) {
            // one more digit than allowed: a longer entry is refused rather than cut to a wrong account
            String keyed = call.readDigits(Prompt.files(Prompt.ENTER_ACCOUNT), properties.digitTimeout(),
                    properties.maxAccountDigits() + 1);
            Optional<Prompt> problem = check(keyed);
            if (problem.isEmpty()) {
                Optional<CustomerCard> card = customers.findByAccountNo(keyed);
                if (card.isPresent()) {
                    identified(call, card.get(), keyed, "account");
                    return;
                }
                problem = Optional.of(Prompt.ACCOUNT_NOT_FOUND);
            }
            call.fact("attempt" + attempt, problem.get().id());
            call.say(problem.get());
        }
        call.appendPath("identify=none");
        call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
        call.fact("identified", false);
        call.say(Prompt.NOT_IDENTIFIED);
    }

    private Optional<Prompt> check(String keyed) {
        if (keyed.isEmpty()) {
            return Optional.of(Prompt.NO_INPUT);
        }
        if (!keyed.chars().allMatch(c -> c >= '0' && c <= '9') || keyed.length() > properties.maxAccountDigits()
                || !properties.accountCheckDigit().accepts(keyed)) {
            return Optional.of(Prompt.ACCOUNT_INVALID);
        }
        return Optional.empty();
    }

    private static void identified(IvrCall call, CustomerCard card, String account, String how) {
        call.setVariable(IvrVariables.CUSTOMER_ID, Long.toString(card.id()));
        call.setVariable(IvrVariables.ACCOUNT, account);
        call.appendPath("identify=" + how);
        call.fact("identified", how);
        call.fact("customerId", card.id());
    }
}
