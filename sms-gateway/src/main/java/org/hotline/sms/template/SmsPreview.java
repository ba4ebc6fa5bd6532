package org.hotline.sms.template;

import java.math.BigDecimal;

/** A rendered text as it would be sent: its parts (SmsCodec's count) and what those parts cost. */
public record SmsPreview(String text, String encoding, int characters, int parts, boolean withinLimit,
                         BigDecimal cost) {
}
