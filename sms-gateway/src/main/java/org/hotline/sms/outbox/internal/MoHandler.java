package org.hotline.sms.outbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hotline.cti.customer.LogMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on a mobile-originated message: an opt-out word opts the number out of the kind of the last message sent to
 * it (of every kind when nothing was ever sent to it) and cancels queued messages of that kind; digits become a
 * reply row other code reads ({@code sms_replies}); anything else becomes an SMS contact for the customer.
 */
final class MoHandler {

    private static final Logger log = LoggerFactory.getLogger(MoHandler.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,6}");
    private static final List<String> KINDS = List.of("arrears", "outage", "work_order", "escalation", "general");

    private final DataSource dataSource;
    private final List<String> optOutWords;

    MoHandler(DataSource dataSource, List<String> optOutWords) {
        this.dataSource = dataSource;
        this.optOutWords = optOutWords.stream().map(w -> w.trim().toUpperCase(Locale.ROOT)).toList();
    }

    void handle(String smsc, String destination, String source, String text) {
        String number = ReceivedStore.normalize(source);
        String body = text == null ? "" : text.strip();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Long lastId = null;
                String lastKind = null;
                try (PreparedStatement ps = c.prepareStatement("""
                        select id, kind from sms_messages where destination = ?
                          and status in ('submitting', 'submitted', 'delivered', 'failed')
                        order by coalesce(submitted_at, submitting_at, created_at) desc, id desc limit 1""")) {
                    ps.setString(1, number);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            lastId = rs.getLong(1);
                            lastKind = rs.getString(2);
                        }
                    }
                }
                String action;
                if (optOutWords.contains(body.toUpperCase(Locale.ROOT))) {
                    action = "opt_out";
                    optOut(c, number, lastKind == null ? KINDS : List.of(lastKind), body);
                } else if (DIGITS.matcher(body).matches()) {
                    action = "reply";
                } else {
                    action = "contact";
                    contact(c, number, body);
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into sms_replies (smsc, number, destination, body, action, digits, message_id, kind)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    ps.setString(1, smsc);
                    ps.setString(2, number);
                    ps.setString(3, destination);
                    ps.setString(4, body.isEmpty() ? "(empty)" : body);
                    ps.setString(5, action);
                    ps.setString(6, "reply".equals(action) ? body : null);
                    ps.setObject(7, lastId);
                    ps.setString(8, lastKind);
                    ps.executeUpdate();
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
