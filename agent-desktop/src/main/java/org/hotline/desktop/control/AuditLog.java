package org.hotline.desktop.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code audit_log} table: who did what to whom, with details as JSON. */
public final class AuditLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JdbcTemplate jdbc;

    /**
     * One audit entry.
     *
     * @param at     when
     * @param actor  the username who acted
     * @param action what, e.g. {@code force-pause}
     * @param target the username acted on
     * @param detail JSON text of the details
     */
    public record Entry(Instant at, String actor, String action, String target, String detail) {
    }

    /** Writes to and reads from {@code dataSource}. */
    public AuditLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Records one action. */
    public void record(String actor, String action, String target, Map<String, ?> detail) {
        String json;
        try {
            json = MAPPER.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("detail not serializable: " + detail, e);
        }
        jdbc.update("insert into audit_log (actor, action, target, detail) values (?, ?, ?, ?::jsonb)", actor,
                action, target, json);
    }

    /** The latest entries about {@code target}, newest first. */
    public List<Entry> about(String target, int limit) {
        return jdbc.query("select at, actor, action, target, detail::text from audit_log where target = ?"
                        + " order by at desc, id desc limit ?",
                (rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), target, limit);
    }
}
