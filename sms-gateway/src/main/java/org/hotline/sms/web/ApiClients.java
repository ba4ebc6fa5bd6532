package org.hotline.sms.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The systems allowed to use {@code /api/sms/v1} ({@code api_clients}): a key is shown once at creation and only its
 * SHA-256 is stored (keys are 256 random bits, so a plain hash is as strong as a slow one here).
 */
public class ApiClients {

    /** A client as the API sees it. */
    public record ApiClient(long id, String name) {
    }

    /** A newly created client and its key (never retrievable again). */
    public record NewApiClient(long id, String name, String key) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;

    /** Stores through {@code jdbc}. */
    public ApiClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a client named {@code name} with a fresh key. */
    public NewApiClient create(String name, String user) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("client name: 1-100 characters");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = "hsk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Long id = jdbc.queryForObject("insert into api_clients (name, key_hash, created_by) values (?, ?, ?) "
                + "returning id", Long.class, name.strip(), hash(key), user);
        return new NewApiClient(id, name.strip(), key);
    }

    /** The enabled client holding {@code key}, if any. */
    public Optional<ApiClient> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.query("select id, name from api_clients where key_hash = ? and enabled",
                (rs, n) -> new ApiClient(rs.getLong(1), rs.getString(2)), hash(key)).stream().findFirst();
    }

    /** Disables the client: its key stops working at once. */
    public boolean disable(long id) {
        return jdbc.update("update api_clients set enabled = false where id = ?", id) == 1;
    }

    /** Hex SHA-256 of {@code text} (UTF-8). */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
