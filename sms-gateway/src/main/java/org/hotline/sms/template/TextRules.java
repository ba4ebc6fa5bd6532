package org.hotline.sms.template;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import org.hotline.sms.outbox.SmsKind;

/**
 * How every outgoing text is finished: the company signature (【…】, required by Chinese carriers) goes first, the
 * opt-out text (回TD退订) last for the kinds that must carry it; {@code pricePerPart} prices previews.
 */
public record TextRules(String signature, String optOutText, Set<SmsKind> optOutKinds, BigDecimal pricePerPart) {

    /** Requires every part; the signature, when set, must be in 【】 brackets. */
    public TextRules {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(optOutText, "optOutText");
        optOutKinds = Set.copyOf(optOutKinds);
        Objects.requireNonNull(pricePerPart, "pricePerPart");
        if (!signature.isEmpty() && !(signature.startsWith("【") && signature.endsWith("】"))) {
            throw new IllegalArgumentException("signature '" + signature + "' must look like 【公司名】");
        }
    }

    /** These rules with another signature (the same rules when it is this one). */
    public TextRules withSignature(String newSignature) {
        return signature.equals(newSignature) ? this
                : new TextRules(newSignature, optOutText, optOutKinds, pricePerPart);
    }

    /** The text as sent: signature, body, and the opt-out text when {@code kind} needs it and it is not there. */
    public String finish(String body, SmsKind kind) {
        String text = body.strip();
        if (!signature.isEmpty() && !text.startsWith(signature)) {
            text = signature + text;
        }
        if (!optOutText.isEmpty() && optOutKinds.contains(kind) && !text.endsWith(optOutText)) {
            text = text + optOutText;
        }
        return text;
    }
}
