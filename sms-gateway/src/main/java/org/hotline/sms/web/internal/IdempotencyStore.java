package org.hotline.sms.web.internal;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Remembers the answer to each (client, Idempotency-Key) with the hash of the request it answered. */
class IdempotencyStore {

    /** A stored answer; {@code status} null while the first request is still being handled. */
    record Stored(String requestHash, Integer status, String response) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for this request; empty when claimed, else what is stored under it. */
    Optional<Stored> claim(long clientId, String key, String requestHash) {
        int n = jdbc.update("insert into api_idempotency (client_id, idem_key, request_hash) values (?, ?, ?) "
                + "on conflict do nothing", clientId, key, requestHash);
        if (n == 1) {
            return Optional.empty();
        }
        return jdbc.query("select request_hash, status, response from api_idempotency where client_id = ? "
                + "and idem_key = ?", (rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2),
                rs.getString(3)), clientId, key).stream().findFirst();
    }

    void complete(long clientId, String key, int status, String response) {
        jdbc.update("update api_idempotency set status = ?, response = ? where client_id = ? and idem_key = ?",
                status, response, clientId, key);
    }

    /** Frees the key after a failure that is not the request's fault (database down), so a retry runs again. */
    void release(long clientId, String key) {
        jdbc.update("delete from api_idempotency where client_id = ? and idem_key = ? and status is null",
                clientId, key);
    }
}
