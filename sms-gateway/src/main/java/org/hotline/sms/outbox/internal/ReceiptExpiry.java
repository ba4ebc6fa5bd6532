package org.hotline.sms.outbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.hotline.sms.message.ReceiptState;
import org.hotline.sms.outbox.SenderSettings;
import org.hotline.sms.smpp.SmscConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receipt timeout (ADR 0026): a message accepted longer than {@code receipt-timeout} ago without a receipt ends
 * {@code unknown}, after its parts were asked after by query_sm where the SMSC answers it.
 */
final class ReceiptExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReceiptExpiry.class);

    private final DataSource dataSource;
    private final SenderSettings settings;
    private final Map<String, SmscConnection> connections;

    ReceiptExpiry(DataSource dataSource, SenderSettings settings, List<SmscConnection> connections) {
        this.dataSource = dataSource;
        this.settings = settings;
        Map<String, SmscConnection> byName = new HashMap<>();
        connections.forEach(c -> byName.put(c.name(), c));
        this.connections = Map.copyOf(byName);
    }

    /**
     * Ends messages that waited longer than the receipt timeout for a receipt as {@code unknown}; returns how many.
     * Where the SMSC answers query_sm, their parts are asked after first: a final state ends the message with it.
     */
    int run() throws SQLException {
        if (connections.values().stream().anyMatch(SmscConnection::answersQuery)) {
            int asked = 0;
            int round;
            // a bounded number of rounds per pass: after a long outage the rest waits for the next pass
            for (int i = 0; i < 10 && (round = askOverdue()) > 0; i++) {
                asked += round;
            }
            if (asked > 0) {
                return asked;
            }
        }
        return expireUnasked();
    }

    /** One round of query_sm for overdue messages; returns how many messages it decided (answered or not). */
    private int askOverdue() throws SQLException {
        record OverduePart(long messageId, int seq, String smsc, String smscId) {
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<OverduePart> parts = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        select p.message_id, p.seq, p.smsc, p.smsc_message_id
                        from (select id from sms_messages where status = 'submitted'
                                and submitted_at < now() - ? * interval '1 millisecond'
                              order by submitted_at limit 200 for update skip locked) m
                        join sms_parts p on p.message_id = m.id and p.status = 'submitted'""")) {
                    ps.setLong(1, settings.receiptTimeout().toMillis());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            parts.add(new OverduePart(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                }
                if (parts.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                Set<Long> messages = new HashSet<>();
                try (PreparedStatement upd = c.prepareStatement("""
                        update sms_parts set status = ?, receipt_stat = ?, finished_at = now()
                        where message_id = ? and seq = ?""")) {
                    for (OverduePart p : parts) {
                        messages.add(p.messageId());
                        SmscConnection connection = connections.get(p.smsc());
                        ReceiptState state = connection == null ? null : connection.query(p.smscId());
                        String status = state == ReceiptState.DELIVERED ? "delivered"
                                : state != null && state.terminal() && state != ReceiptState.ACCEPTED ? "failed" : null;
                        if (status != null) {
                            upd.setString(1, status);
                            upd.setString(2, "query_sm:" + state.name());
                            upd.setLong(3, p.messageId());
                            upd.setInt(4, p.seq());
                            upd.addBatch();
                        }
                    }
                    upd.executeBatch();
                }
                Reconciler.rollUp(c, messages);
                // what query_sm could not end (no answer, still en route) ends unknown as without query_sm
                try (PreparedStatement ps = c.prepareStatement("""
                        update sms_messages set status = 'unknown', finished_at = now(),
                            error_text = 'no delivery receipt within ' || ? || ' (query_sm gave no final state)'
                        where id = any (?) and status = 'submitted'""")) {
                    ps.setString(1, settings.receiptTimeout().toString());
                    ps.setArray(2, c.createArrayOf("bigint", messages.toArray()));
                    ps.executeUpdate();
                }
                c.commit();
                return messages.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.rollback();
                return 0;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int expireUnasked() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update sms_messages set status = 'unknown', finished_at = now(),
                         error_text = 'no delivery receipt within ' || ?
                     where status = 'submitted' and submitted_at < now() - ? * interval '1 millisecond'""")) {
            c.setAutoCommit(true);
            ps.setString(1, settings.receiptTimeout().toString());
            ps.setLong(2, settings.receiptTimeout().toMillis());
            int n = ps.executeUpdate();
            if (n > 0) {
                log.warn("{} SMS got no delivery receipt within {}: ended as unknown", n, settings.receiptTimeout());
            }
            return n;
        }
    }
}
