package org.hotline.sms.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hotline.sms.message.SegmentCount;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsTextException;
import org.hotline.sms.outbox.SmsKind;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stored templates ({@code sms_templates}): checks them at save, renders and previews them with the text rules. */
public class SmsTemplates {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_BODY = 1000;

    private final JdbcTemplate jdbc;
    private final SmsCodec codec;
    private final TextRules rules;
    private final Supplier<String> signature;

    /** Stores through {@code jdbc}; {@code codec} counts parts; {@code rules} add signature and opt-out text. */
    public SmsTemplates(JdbcTemplate jdbc, SmsCodec codec, TextRules rules) {
        this(jdbc, codec, rules, null);
    }

    /**
     * As {@link #SmsTemplates(JdbcTemplate, SmsCodec, TextRules)}, the signature asked from {@code signature} for each
     * text (an administrator may change it at any time); null keeps the rules' own.
     */
    public SmsTemplates(JdbcTemplate jdbc, SmsCodec codec, TextRules rules, Supplier<String> signature) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.rules = rules;
        this.signature = signature;
    }

    /** The rules a text built now is finished with (the signature in use now). */
    public TextRules rules() {
        return signature == null ? rules : rules.withSignature(signature.get());
    }

    /**
     * Creates or replaces the template called {@code name}.
     *
     * @throws TemplateException for a bad name, an empty or over-long body, or a field outside
     *                           {@link SmsTemplate#KNOWN_FIELDS}
     */
    public SmsTemplate save(String name, SmsKind kind, String body, String user) {
        check(name, body);
        return jdbc.queryForObject("""
                insert into sms_templates (name, kind, body, updated_by) values (?, ?, ?, ?)
                on conflict (name) do update set kind = excluded.kind, body = excluded.body,
                    updated_by = excluded.updated_by, updated_at = now()
                returning id, name, kind, body, updated_by, updated_at
                """, SmsTemplates::row, name, kind.code(), body, user);
    }

    /** Checks a template as {@link #save} would, without storing it. */
    public static void check(String name, String body) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new TemplateException("template name '" + name + "': expected 1-64 letters, digits, '_', '.', '-'");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new TemplateException("template '" + name + "': body length " + (body == null ? 0 : body.length())
                    + " (expected: 1.." + MAX_BODY + ")");
        }
        Set<String> unknown = new TreeSet<>(SmsTemplate.fieldsOf(body));
        unknown.removeAll(SmsTemplate.KNOWN_FIELDS);
        if (!unknown.isEmpty()) {
            throw new TemplateException("template '" + name + "': unknown field(s) " + unknown + " (known: "
                    + new TreeSet<>(SmsTemplate.KNOWN_FIELDS) + ")");
        }
    }

    /** The template called {@code name}, if any. */
    public Optional<SmsTemplate> find(String name) {
        return jdbc.query("select id, name, kind, body, updated_by, updated_at from sms_templates where name = ?",
                SmsTemplates::row, name).stream().findFirst();
    }

    /** The template with this id, if any. */
    public Optional<SmsTemplate> find(long id) {
        return jdbc.query("select id, name, kind, body, updated_by, updated_at from sms_templates where id = ?",
                SmsTemplates::row, id).stream().findFirst();
    }

    /** Every template, by name. */
    public List<SmsTemplate> list() {
        return jdbc.query("select id, name, kind, body, updated_by, updated_at from sms_templates order by name",
                SmsTemplates::row);
    }

    /**
     * The text as sent: fields filled, then signature and opt-out text by the rules.
     *
     * @throws TemplateException naming a field the template uses that {@code values} lacks
     */
    public String render(SmsTemplate template, Map<String, String> values) {
        return rules().finish(template.fill(values), template.kind());
    }

    /** Parts and cost of a finished text; {@code withinLimit} false when the codec would refuse it. */
    public SmsPreview preview(String text) {
        try {
            SegmentCount count = codec.count(text);
            return new SmsPreview(text, count.encoding().name(), count.characters(), count.parts(),
                    count.withinLimit(), count.cost(rules.pricePerPart()));
        } catch (SmsTextException e) {
            throw new TemplateException(e.getMessage());
        }
    }

    private static SmsTemplate row(ResultSet rs, int n) throws SQLException {
        return new SmsTemplate(rs.getLong(1), rs.getString(2), SmsKind.valueOf(rs.getString(3).toUpperCase(
                java.util.Locale.ROOT)), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());
    }
}
