package org.hotline.sms.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.sms.message.SmsCodec;
import org.hotline.sms.message.SmsCodecSettings;
import org.hotline.sms.smpp.SmscProperties;
import org.hotline.smscsim.SmscSimulator;

/** Shared helpers of the outbox tests: queue messages, read their states, point an SMSC entry at a simulator. */
final class OutboxFixture {

    static final SmsCodec CODEC = new SmsCodec(SmsCodecSettings.DEFAULTS);

    private OutboxFixture() {
    }

    static SmscProperties.Smsc smsc(String name, SmscSimulator simulator) {
        return SmscProperties.Smsc.of(name, "127.0.0.1", simulator.port(), "hotline", "secret")
                .withThroughput(5_000, 16)
                .withIdFormats(org.hotline.sms.message.MessageIdFormat.HEX, org.hotline.sms.message.MessageIdFormat.HEX);
    }

    /** Queues {@code n} messages to numbers 139{prefix}{i}, text {@code text + i}. */
    static List<OutboundSms> messages(String keyPrefix, int numberPrefix, int n, String text, SmsKind kind) {
        List<OutboundSms> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new OutboundSms(keyPrefix + i, number(numberPrefix, i), text + i, kind, null, Instant.EPOCH));
        }
        return out;
    }

    static String number(int prefix, int i) {
        return "139" + String.format("%02d%06d", prefix, i);
    }

    /** Status counts of the messages whose dedupe key starts with {@code keyPrefix}. */
    static Map<String, Integer> statuses(DataSource ds, String keyPrefix) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select status, count(*) from sms_messages where dedupe_key like ? group by status order by 1")) {
            ps.setString(1, keyPrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    static List<Map<String, Object>> rows(DataSource ds, String sql, Object... args) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int k = 1; k <= rs.getMetaData().getColumnCount(); k++) {
                        row.put(rs.getMetaData().getColumnLabel(k), rs.getObject(k));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
