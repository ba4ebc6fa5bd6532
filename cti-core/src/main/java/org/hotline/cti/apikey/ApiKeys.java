package org.hotline.cti.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API keys of other systems in one table (id, name, key_hash, enabled, created_by, created_at): a key is shown once
 * at creation and only its SHA-256 is stored (keys are 256 random bits, so a plain hash is as strong as a slow one
 * here). The SMS API's clients and the billing system's import keys are two tables of this shape.
 */
public final class ApiKeys {

    /** A key's holder as an API sees it. */
    public record Holder(long id, String name) {
    }

    /** A key's holder as administrators list it (never the key). */
    public record Listed(long id, String name, boolean enabled, String createdBy, Instant createdAt) {
    }

    /** A newly created holder and its key (never retrievable again). */
    public record Created(long id, String name, String key) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TABLE = Pattern.compile("[a-z_]{1,40}");

    private final JdbcTemplate jdbc;
    private final String table;
    private final String prefix;

    /** Keys in {@code table} (a fixed name of ours), each starting with {@code prefix} so a leaked one is recognisable. */
    public ApiKeys(JdbcTemplate jdbc, String table, String prefix) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table: '" + table + "' (expected: [a-z_]{1,40})");
        }
        this.table = table;
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** Creates a holder named {@code name} with a fresh key; {@code user} is who created it. */
    public Created create(String name, String user) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name: 1-100 characters");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Long id = jdbc.queryForObject("insert into " + table + " (name, key_hash, created_by) values (?, ?, ?) "
                + "returning id", Long.class, name.strip(), hash(key), user);
        return new Created(id, name.strip(), key);
    }

    /** The enabled holder of {@code key}, if any. */
    public Optional<Holder> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.query("select id, name from " + table + " where key_hash = ? and enabled",
                (rs, n) -> new Holder(rs.getLong(1), rs.getString(2)), hash(key.strip())).stream().findFirst();
    }

    /** Disables the holder: its key stops working at once. False when there is no such holder. */
    public boolean disable(long id) {
        return jdbc.update("update " + table + " set enabled = false where id = ?", id) == 1;
    }

    /** Every holder, the newest first. */
    public List<Listed> list() {
        return jdbc.query("select id, name, enabled, created_by, created_at from " + table + " order by id desc",
                (rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
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
