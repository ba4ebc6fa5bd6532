package org.hotline.sms.template;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.sms.outbox.SmsKind;

/** A stored template: {@code body} holds named fields in braces, e.g. {@code 尊敬的{name}，您欠费{amount}元}. */
public record SmsTemplate(Long id, String name, SmsKind kind, String body, String updatedBy, Instant updatedAt) {

    private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)}");

    /** Fields a template may name; anything else is a typo caught at save. */
    public static final Set<String> KNOWN_FIELDS = Set.of("name", "customerNo", "accountNo", "amount", "dueDate",
            "period", "daysOverdue", "meterNo", "balance", "area", "line", "reason", "start", "end", "outageNo",
            "orderNo", "restored", "text");

    /** Requires the name, kind and body. */
    public SmsTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }

    /** The field names the body uses, in order of first use. */
    public Set<String> fields() {
        return fieldsOf(body);
    }

    /** The field names {@code body} uses, in order of first use. */
    public static Set<String> fieldsOf(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The body with every field replaced by its value (values are inserted as they are: never re-scanned).
     *
     * @throws TemplateException naming the first field the body uses that {@code values} lacks
     */
    public String fill(Map<String, String> values) {
        Matcher m = FIELD.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 32);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new TemplateException("template '" + name + "': no value for field {" + m.group(1)
                        + "} (given: " + new java.util.TreeSet<>(values.keySet()) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
