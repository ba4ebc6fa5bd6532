package org.hotline.sms.outbox.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh planner counts for the outbox's filtered columns, taken when queueing or sending moved many rows at once:
 * autovacuum re-counts them a minute later, and until then the claim and the receipts' roll-up are planned on counts
 * that no longer hold (ADR 0038).
 */
public final class OutboxAnalyze {

    private static final Logger log = LoggerFactory.getLogger(OutboxAnalyze.class);

    private OutboxAnalyze() {
    }

    /**
     * Analyzes the claim's columns and, with {@code parts}, the receipts' join columns, in auto-commit on {@code c};
     * the rows are committed already, so a failure only costs speed and is logged with what came {@code after}.
     */
    public static void run(Connection c, boolean parts, String after) {
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("analyze sms_messages (status, not_before, campaign_id)");
            if (parts) {
                s.execute("analyze sms_parts (message_id, smsc)");
            }
        } catch (SQLException e) {
            log.warn("could not analyze the outbox after {} (claims and receipts may be slow for a minute): {}", after,
                    e.toString());
        }
    }
}
