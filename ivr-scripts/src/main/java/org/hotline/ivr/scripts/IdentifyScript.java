package org.hotline.ivr.scripts;

import java.util.List;
import java.util.Optional;
import org.hotline.cti.customer.AccountStanding;
import org.hotline.cti.customer.CustomerDirectory;
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
 * {@code identify=account}, {@code identify=none}). Other scripts call {@link #account(IvrCall)} when they need one.
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
        identify(call);
    }

    /**
     * The account this call is about: the one an earlier script set, else identified now (asking the caller);
     * empty when the caller could not be identified (they were told, and {@link IvrVariables#NEXT} is the queue).
     */
    public Optional<AccountStanding> account(IvrCall call) {
        String known = call.variable(IvrVariables.ACCOUNT);
        if (!known.isEmpty()) {
            Optional<AccountStanding> account = customers.account(known);
            if (account.isPresent()) {
                return account;
            }
        }
        return identify(call);
    }

    private Optional<AccountStanding> identify(IvrCall call) {
        List<AccountStanding> byNumber = customers.accountsByPhone(numbers.normalize(call.callerNumber()), 2);
        if (byNumber.size() == 1) {
            return Optional.of(identified(call, byNumber.get(0), "number"));
        }
        call.fact("accountsForNumber", byNumber.size());
        return askAccount(call);
    }

    /**
     * Asks the caller to key an account in (retries, check digit), whatever the number says: for a caller who wants
     * another account than the one found. Empty when none was given (they were told, and go to the queue).
     */
    public Optional<AccountStanding> askAccount(IvrCall call) {
        for (int attempt = 1; attempt <= properties.retries(); attempt++) {
            // one more digit than allowed: a longer entry is refused rather than cut to a wrong account
            String keyed = call.readDigits(Prompt.files(Prompt.ENTER_ACCOUNT), properties.digitTimeout(),
                    properties.maxAccountDigits() + 1);
            Optional<Prompt> problem = check(keyed);
            if (problem.isEmpty()) {
                Optional<AccountStanding> account = customers.account(keyed);
                if (account.isPresent()) {
                    return Optional.of(identified(call, account.get(), "account"));
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
        return Optional.empty();
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

    private static AccountStanding identified(IvrCall call, AccountStanding account, String how) {
        call.setVariable(IvrVariables.CUSTOMER_ID, Long.toString(account.customerId()));
        call.setVariable(IvrVariables.ACCOUNT, account.accountNo());
        call.appendPath("identify=" + how);
        call.fact("identified", how);
        call.fact("customerId", account.customerId());
        return account;
    }
}
