package org.hotline.sms.outbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hotline.cti.customer.LogMask;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.outbox.OptOutScope;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.outbox.SourceExtensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on a mobile-originated message: an opt-out word opts the number out of every kind, or of the kind it answers
 * ({@code opt-out-scope}): the kind or campaign of the 106 extension it was sent to, else the kind of the last message
 * sent to the number (ADR 0035), cancels its queued messages of those kinds and tells the customer
 * what was stopped; digits become a reply row other code reads ({@code sms_replies}); anything else becomes an SMS
 * contact for the customer.
 */
final class MoHandler {

    private static final Logger log = LoggerFactory.getLogger(MoHandler.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,6}");
    private static final List<String> KINDS = List.of("arrears", "outage", "work_order", "escalation", "general");

    private static final Map<String, String> KIND_NAMES = Map.of("arrears", "缴费提醒短信", "outage", "停电通知短信",
            "work_order", "工单短信", "escalation", "督办短信", "general", "服务短信");
    private static final Pattern SIGNATURE = Pattern.compile("^【[^【】]{2,20}】");

    private final DataSource dataSource;
    private final List<String> optOutWords;
    private final OptOutScope scope;
    private final String reply;
    private final SmsCodec codec;

    private final SourceExtensions extensions;
    private final Map<String, String> sources;

    MoHandler(DataSource dataSource, SenderSettings settings, SmsCodec codec, SourceExtensions extensions,
              Map<String, String> sources) {
        this.dataSource = dataSource;
        this.extensions = extensions;
        this.sources = Map.copyOf(sources);
        this.optOutWords = settings.optOutWords().stream().map(w -> w.trim().toUpperCase(Locale.ROOT)).toList();
        this.scope = settings.optOutScope();
        this.reply = settings.optOutReply();
        this.codec = codec;
    }

    void handle(String smsc, String destination, String source, String text) {
        String number = ReceivedStore.normalize(source);
        String body = text == null ? "" : text.strip();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // the extension of the address replied to names the kind or campaign answered (ADR 0035)
                String extension = extension(smsc, destination);
                Long campaignId = null;
                String routedKind = extensions.kindOf(extension).map(k -> k.code()).orElse(null);
                if (routedKind == null && extension != null && !extension.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("""
                            select id, kind from sms_campaigns where source_extension = ? order by id desc limit 1""")) {
                        ps.setString(1, extension);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                campaignId = rs.getLong(1);
                                routedKind = rs.getString(2);
                            }
                        }
                    }
                }
                Long lastId = null;
                String lastKind = null;
                try (PreparedStatement ps = c.prepareStatement("""
                        select id, kind from sms_messages where destination = ?
                          and status in ('submitting', 'submitted', 'delivered', 'failed')
                          and (?::text is null or kind = ?) and (?::bigint is null or campaign_id = ?)
                        order by coalesce(submitted_at, submitting_at, created_at) desc, id desc limit 1""")) {
                    ps.setString(1, number);
                    ps.setString(2, routedKind);
                    ps.setString(3, routedKind);
                    ps.setObject(4, campaignId, java.sql.Types.BIGINT);
                    ps.setObject(5, campaignId, java.sql.Types.BIGINT);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            lastId = rs.getLong(1);
                            lastKind = rs.getString(2);
                        }
                    }
                }
                lastKind = routedKind != null ? routedKind : lastKind;
                String action;
                List<String> stopped = List.of();
                if (optOutWords.contains(body.toUpperCase(Locale.ROOT))) {
                    action = "opt_out";
                    // the company's rule: a TD stops every kind, or only the kind of the last message sent
                    stopped = scope == OptOutScope.ALL || lastKind == null ? KINDS : List.of(lastKind);
                    optOut(c, number, stopped, body);
                } else if (DIGITS.matcher(body).matches()) {
                    action = "reply";
                } else {
                    action = "contact";
                    contact(c, number, body);
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into sms_replies (smsc, number, destination, body, action, digits, message_id, kind,
                                                 source_extension, campaign_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    ps.setString(1, smsc);
                    ps.setString(2, number);
                    ps.setString(3, destination);
                    ps.setString(4, body.isEmpty() ? "(empty)" : body);
                    ps.setString(5, action);
                    ps.setString(6, "reply".equals(action) ? body : null);
                    ps.setObject(7, lastId);
                    ps.setString(8, lastKind);
                    ps.setString(9, extension);
                    ps.setObject(10, campaignId, java.sql.Types.BIGINT);
                    ps.executeUpdate();
                }
                if (!stopped.isEmpty()) {
                    answerOptOut(c, number, stopped);
                }
                c.commit();
                log.info("MO from {}: {}", LogMask.phone(number), action);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MO not stored: " + e.getMessage(), e);
        }
    }

    /** The digits after the account's 106 code in the address replied to; null when it is not under that code. */
    private String extension(String smsc, String destination) {
        String code = sources.get(smsc);
        String to = destination == null ? "" : destination.replaceAll("[^0-9]", "");
        if (code == null || code.isEmpty() || !to.startsWith(code)) {
            return null;
        }
        return to.substring(code.length());
    }

    private static void optOut(Connection c, String number, List<String> kinds, String word) throws SQLException {
        if (!number.matches("1[3-9][0-9]{9}")) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement("""
                insert into sms_opt_outs (number, kind, source) values (?, ?, ?) on conflict do nothing""");
             PreparedStatement cancel = c.prepareStatement("""
                     update sms_messages set status = 'cancelled', finished_at = now(), error_text = 'opted out'
                     where destination = ? and kind = ? and status in ('queued', 'held')""")) {
            for (String kind : kinds) {
                ins.setString(1, number);
                ins.setString(2, kind);
                ins.setString(3, "sms:" + word);
                ins.addBatch();
                cancel.setString(1, number);
                cancel.setString(2, kind);
                cancel.addBatch();
            }
            ins.executeBatch();
            cancel.executeBatch();
        }
    }

    /**
     * Tells the customer what was stopped, in a message queued at once (an answer, so outside quiet hours and past
     * the opt-out it confirms); the signature in use replaces the default one of the reply text.
     */
    private void answerOptOut(Connection c, String number, List<String> stopped) throws SQLException {
        if (reply.isBlank() || !number.matches("1[3-9][0-9]{9}")) {
            return;
        }
        String what = stopped.size() == KINDS.size() ? "全部短信通知"
                : stopped.stream().map(k -> KIND_NAMES.getOrDefault(k, k)).reduce((a, b) -> a + "、" + b).orElse("");
        String text = reply.replace("{scope}", what);
        try (PreparedStatement ps = c.prepareStatement("select value from sms_settings where name = 'signature'");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && SIGNATURE.matcher(text).find()) {
                text = SIGNATURE.matcher(text).replaceFirst(Matcher.quoteReplacement(rs.getString(1)));
            }
        }
        int parts;
        try {
            parts = codec.count(text).parts();
        } catch (RuntimeException e) {
            log.warn("opt-out reply text cannot be sent: {}", e.getMessage());
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into sms_messages (dedupe_key, kind, destination, body, segments)
                values ('opt-out-reply:' || ? || ':' || (select coalesce(max(id), 0) from sms_replies where number = ?),
                        'general', ?, ?, ?)
                on conflict (dedupe_key) do nothing""")) {
            ps.setString(1, number);
            ps.setString(2, number);
            ps.setString(3, number);
            ps.setString(4, text);
            ps.setInt(5, parts);
            ps.executeUpdate();
        }
    }

    private static void contact(Connection c, String number, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into contacts (customer_id, phone, channel, category, notes)
                values ((select customer_id from customer_phones where normalized = ? order by is_primary desc, id
                         limit 1), ?, 'sms', 'enquiry', ?)""")) {
            ps.setString(1, number);
            ps.setString(2, number);
            ps.setString(3, body.length() > 4000 ? body.substring(0, 4000) : body);
            ps.executeUpdate();
        }
    }
}
