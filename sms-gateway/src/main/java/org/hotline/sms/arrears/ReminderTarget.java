package org.hotline.sms.arrears;

import java.util.Map;

/** One reminder to send: its dedupe key (one per account, period and step), the mobile, and the template fields. */
public record ReminderTarget(String dedupeKey, long customerId, String mobile, Map<String, String> fields) {
}
