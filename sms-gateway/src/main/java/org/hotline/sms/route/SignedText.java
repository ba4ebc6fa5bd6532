package org.hotline.sms.route;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text an account sends for a message: the message's body with its signature (【…】 at the start or end) moved to
 * where the account's carrier requires it, or replaced by the signature registered for that account.
 */
public final class SignedText {

    private static final Pattern LEADING = Pattern.compile("^\\s*(【[^【】]{1,30}】)");
    private static final Pattern TRAILING = Pattern.compile("(【[^【】]{1,30}】)\\s*$");

    private SignedText() {
    }

    /**
     * {@code body} as sent through an account with {@code signature} (null: keep the body's own) placed at
     * {@code placement}; a body without a signature gets the account's, or is sent as it is when there is none.
     */
    public static String render(String body, String signature, SignaturePlacement placement) {
        String own = null;
        String text = body;
        Matcher lead = LEADING.matcher(body);
        if (lead.find()) {
            own = lead.group(1);
            text = body.substring(lead.end());
        } else {
            Matcher trail = TRAILING.matcher(body);
            if (trail.find()) {
                own = trail.group(1);
                text = body.substring(0, trail.start());
            }
        }
        String sign = signature != null ? signature : own;
        if (sign == null) {
            return body;
        }
        return placement == SignaturePlacement.END ? text + sign : sign + text;
    }
}
