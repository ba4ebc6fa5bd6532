package org.hotline.sms.web.internal;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers the answer to each (client, Idempotency-Key) with the hash of the request it answered. A claim not
 * answered within the claim timeout was left by a request whose process died: the same request takes it over.
 */
class IdempotencyStore {

    /** A stored answer; {@code status} null while the first request is still being handled. */
    record Stored(String requestHash, Integer status, String response) {
    }

    private final JdbcTemplate jdbc;
    private final Duration claimTimeout;

    IdempotencyStore(JdbcTemplate jdbc, Duration claimTimeout) {
        this.jdbc = jdbc;
        this.claimTimeout = claimTimeout;
    }

    /** Claims the key for this request; empty when claimed (new, or taken over after the timeout), else what is stored. */
    Optional<Stored> claim(long clientId, String key, String requestHash) {
        int n = jdbc.update("insert into api_idempotency (client_id, idem_key, request_hash) values (?, ?, ?) "
                + "on conflict do nothing", clientId, key, requestHash);
        if (n == 1) {
            return Optional.empty();
        }
        // the claimant of an unanswered key is gone after the timeout; only the same request may take it over
        int taken = jdbc.update("update api_idempotency set claimed_at = now() where client_id = ? and idem_key = ? "
                + "and status is null and request_hash = ? and claimed_at < now() - ? * interval '1 millisecond'",
                clientId, key, requestHash, claimTimeout.toMillis());
        if (taken == 1) {
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
