package org.hotline.ivr.scripts;

import java.util.Locale;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrSms;
import org.hotline.ivr.Prompt;

/** Sends a script's SMS and says what became of it: sent, opted out, or not possible now (never fails the script). */
final class CallerSms {

    private CallerSms() {
    }

    /** Sends {@code request}, records the outcome as a fact, and returns the prompt that tells the caller. */
    static Prompt send(IvrCall call, IvrSms sms, IvrSms.Request request) {
        try {
            IvrSms.Outcome outcome = sms.send(request);
            call.fact("sms", outcome.name().toLowerCase(Locale.ROOT));
            return switch (outcome) {
                case QUEUED -> Prompt.SMS_SENT;
                case OPTED_OUT -> Prompt.SMS_OPTED_OUT;
                case NOT_A_MOBILE -> Prompt.SMS_FAILED;
            };
        } catch (RuntimeException e) {
            call.fact("sms", "failed");
            call.fact("smsError", String.valueOf(e.getMessage()));
            return Prompt.SMS_FAILED;
        }
    }
}
