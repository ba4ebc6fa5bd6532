package org.hotline.sms.web.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.sms.campaign.SmsCampaignProperties;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.outbox.SmsSender;
import org.hotline.sms.smpp.SmscProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sms/accounts} (the floor): each SMSC account with its carrier, prefixes, bind, last error and the
 * messages it took today (customers' zone), and the messages waiting for a route (ADR 0035).
 */
@RestController
class SmsAccountsController {

    private final JdbcTemplate jdbc;
    private final SmscProperties smscs;
    private final ObjectProvider<SmsSender> sender;
    private final SmsOutbox outbox;
    private final SmsCampaignProperties campaigns;
    private final Clock clock;

    SmsAccountsController(DataSource dataSource, SmscProperties smscs, ObjectProvider<SmsSender> sender,
                          SmsOutbox outbox, SmsCampaignProperties campaigns, ObjectProvider<Clock> clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.smscs = smscs;
        this.sender = sender;
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(path = "/api/sms/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> accounts() {
        Instant midnight = LocalDate.now(clock.withZone(campaigns.zone())).atStartOfDay(campaigns.zone()).toInstant();
        Map<String, Long> today = new HashMap<>();
        // messages submitted since midnight, by the account they went through
        jdbc.query("select smsc, count(*) from sms_messages where submitted_at >= ? and smsc is not null group by smsc",
                rs -> {
                    today.put(rs.getString(1), rs.getLong(2));
                }, Timestamp.from(midnight));
        SmsSender s = sender.getIfAvailable();
        Map<String, Boolean> binds = s == null ? Map.of() : s.binds();
        Map<String, String> errors = s == null ? Map.of() : s.bindErrors();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SmscProperties.Smsc a : smscs.smsc()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", a.name());
            row.put("carrier", a.carrier());
            row.put("prefixes", a.prefixes());
            row.put("priority", a.priority());
            row.put("bound", binds.getOrDefault(a.name(), false));
            row.put("lastError", errors.get(a.name()));
            row.put("today", today.getOrDefault(a.name(), 0L));
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accounts", rows);
        out.put("noRoute", outbox.noRoute());
        out.put("sending", s != null);
        return out;
    }
}
