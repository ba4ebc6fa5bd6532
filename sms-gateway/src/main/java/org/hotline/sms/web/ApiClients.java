package org.hotline.sms.web;

import java.util.Optional;
import org.hotline.cti.apikey.ApiKeys;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The systems allowed to use {@code /api/sms/v1} ({@code api_clients}): a key is shown once at creation and only its
 * SHA-256 is stored ({@link ApiKeys}).
 */
public class ApiClients {

    /** A client as the API sees it. */
    public record ApiClient(long id, String name) {
    }

    /** A newly created client and its key (never retrievable again). */
    public record NewApiClient(long id, String name, String key) {
    }

    private final ApiKeys keys;

    /** Stores through {@code jdbc}. */
    public ApiClients(JdbcTemplate jdbc) {
        this.keys = new ApiKeys(jdbc, "api_clients", "hsk_");
    }

    /** Creates a client named {@code name} with a fresh key. */
    public NewApiClient create(String name, String user) {
        ApiKeys.Created c = keys.create(name, user);
        return new NewApiClient(c.id(), c.name(), c.key());
    }

    /** The enabled client holding {@code key}, if any. */
    public Optional<ApiClient> authenticate(String key) {
        return keys.authenticate(key).map(h -> new ApiClient(h.id(), h.name()));
    }

    /** Disables the client: its key stops working at once. */
    public boolean disable(long id) {
        return keys.disable(id);
    }

    /** Hex SHA-256 of {@code text} (UTF-8). */
    public static String hash(String text) {
        return ApiKeys.hash(text);
    }
}
