package org.hotline.sms.web.internal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import org.hotline.sms.campaign.CampaignStateException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/sms/attention} (supervisors, administrators): the messages whose fate SMPP could not tell at once (in
 * doubt, held for a person, sent again without evidence, ended unknown without a receipt), counted and listed, and a
 * person's decision on a held one: send it again, or close it unsent (ADR 0026).
 */
@RestController
@RequestMapping(path = "/api/sms/attention", produces = MediaType.APPLICATION_JSON_VALUE)
class SmsAttentionController {

    private static final int LIMIT = 200;
    // each list by the index that finds it: the in-doubt ones, those ever in doubt, those still waiting for a receipt
    private static final Map<String, String> WHERE = Map.of(
            "in-doubt", "in_doubt_since is not null and coalesce(in_doubt_resolution, '') <> 'held'",
            "held", "in_doubt_since is not null and in_doubt_resolution = 'held'",
            "resent", "in_doubt_count > 0 and in_doubt_resolution = 'resent' and in_doubt_since is null",
            "unknown", "status = 'unknown'");

    private final JdbcTemplate jdbc;

    SmsAttentionController(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "held") String what) {
        String where = WHERE.get(what);
        if (where == null) {
            throw new IllegalArgumentException("what: '" + what + "' (expected one of in-doubt, held, resent, unknown)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("counts", jdbc.queryForMap("""
                select (select count(*) from sms_messages where %s) as "inDoubt",
                       (select count(*) from sms_messages where %s) as "held",
                       (select count(*) from sms_messages where %s) as "resent",
                       (select count(*) from sms_messages where %s) as "unknown"
                """.formatted(WHERE.get("in-doubt"), WHERE.get("held"), WHERE.get("resent"), WHERE.get("unknown"))));
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select id, kind, destination, segments, status, in_doubt_resolution as resolution,
                       in_doubt_count as "inDoubtCount", in_doubt_since as "inDoubtSince", submitting_at as "claimedAt",
                       finished_at as "finishedAt", error_text as reason, in_doubt_decided_by as "decidedBy",
                       left(body, 70) as text
                from sms_messages where %s order by id desc limit %d""".formatted(where, LIMIT));
        out.put("messages", rows);
        return out;
    }

    /** A held message goes out again for its unaccounted parts (at least once, decided by a person). */
    @PostMapping("/{id}/resend")
    Map<String, Object> resend(@PathVariable long id, Principal user) {
        return decide(id, user, """
                update sms_messages set status = 'queued', in_doubt_since = null, in_doubt_resolution = 'resent',
                    not_before = now(), in_doubt_decided_by = ?, error_text = 'sent again by ' || ?
                where id = ? and status = 'submitting' and in_doubt_resolution = 'held'""");
    }

    /** A held message is closed without sending it again (at most once): it ends unknown. */
    @PostMapping("/{id}/close")
    Map<String, Object> close(@PathVariable long id, Principal user) {
        return decide(id, user, """
                update sms_messages set status = 'unknown', in_doubt_since = null, in_doubt_resolution = 'dismissed',
                    finished_at = now(), in_doubt_decided_by = ?, error_text = 'closed unsent by ' || ?
                where id = ? and status = 'submitting' and in_doubt_resolution = 'held'""");
    }

    private Map<String, Object> decide(long id, Principal user, String sql) {
        String who = user == null ? "unknown" : user.getName();
        if (jdbc.update(sql, who, who, id) == 1) {
            return jdbc.queryForMap("select id, status, in_doubt_resolution as resolution from sms_messages where id = ?",
                    id);
        }
        if (jdbc.queryForList("select 1 from sms_messages where id = ?", id).isEmpty()) {
            throw new NoSuchElementException("no SMS " + id);
        }
        throw new CampaignStateException("SMS " + id + " is not held for a decision (settled or decided already)");
    }
}
