package org.hotline.sms.template;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The company signature every text starts with (【…】, registered with the carriers): an administrator's from
 * {@code sms_settings}, else the setting {@code hotline.sms.campaigns.signature}. Each node keeps what it read for
 * {@link #CACHE} at most, and forgets it at once when the change is its own, so every text built after a change on
 * this node carries the new signature, and on other nodes within {@link #CACHE}. Safe for concurrent use.
 */
public final class SmsSignature {

    /** How long a node uses the signature it read before reading it again. */
    public static final Duration CACHE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SmsSignature.class);

    /**
     * The signature in use and where it comes from.
     *
     * @param signature the signature texts start with now
     * @param setting   the setting's signature, used until an administrator sets one
     * @param updatedBy the administrator who set {@code signature}; null when it is the setting's
     * @param updatedAt when; null when it is the setting's
     */
    public record Current(String signature, String setting, String updatedBy, Instant updatedAt) {

        /** Whether the signature is the setting's (no administrator has set one). */
        public boolean fromSetting() {
            return updatedBy == null;
        }
    }

    // a signature read, with System.nanoTime() of the read
    private record Cached(String signature, long readAt) {
    }

    private final JdbcTemplate jdbc;
    private final String setting;
    private final long cacheNanos;
    private final Object lock = new Object();
    // bumped by every change, so a read that raced with a change is not kept
    private long changes;
    private volatile Cached cached;

    /** The signature in {@code jdbc}'s {@code sms_settings}, {@code setting} until an administrator sets one. */
    public SmsSignature(JdbcTemplate jdbc, String setting) {
        this(jdbc, setting, CACHE);
    }

    /** As {@link #SmsSignature(JdbcTemplate, String)}, each read kept for {@code cache} (zero: read every time). */
    public SmsSignature(JdbcTemplate jdbc, String setting, Duration cache) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.setting = Objects.requireNonNull(setting, "setting");
        this.cacheNanos = cache.toNanos();
    }

    /**
     * The signature to put on a text built now. When the database cannot be read, the last signature read is used;
     * with none read yet the failure is thrown (the text could not be queued anyway).
     */
    public String get() {
        Cached c = cached;
        long now = System.nanoTime();
        if (c != null && now - c.readAt() < cacheNanos) {
            return c.signature();
        }
        long seen;
        synchronized (lock) {
            seen = changes;
        }
        String signature;
        try {
            signature = current().signature();
        } catch (DataAccessException e) {
            if (c == null) {
                throw e;
            }
            log.warn("The SMS signature could not be read; texts keep {} meanwhile: {}", c.signature(), e.toString());
            return c.signature();
        }
        synchronized (lock) {
            if (changes == seen) {
                cached = new Cached(signature, now);
            }
        }
        return signature;
    }

    /** The signature in use now, read from the database (not cached). */
    public Current current() {
        return jdbc.query("select value, updated_by, updated_at from sms_settings where name = 'signature'",
                        (rs, n) -> {
                            Timestamp at = rs.getTimestamp("updated_at");
                            return new Current(rs.getString("value"), setting, rs.getString("updated_by"),
                                    at.toInstant());
                        }).stream().findFirst()
                .orElseGet(() -> new Current(setting, setting, null, null));
    }

    /**
     * Sets the signature every text built from now on starts with, and returns it as stored.
     *
     * @throws IllegalArgumentException naming what is expected, when {@code signature} is not 【】 around 2 to 20
     *                                  characters on one line
     */
    public Current set(String signature, String by) {
        String checked = check(signature);
        jdbc.update("insert into sms_settings (name, value, updated_by) values ('signature', ?, ?) on conflict (name) "
                + "do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()",
                checked, by);
        forget();
        return current();
    }

    /** Forgets the administrators' signature: texts built from now on start with the setting's again. */
    public void useSetting() {
        jdbc.update("delete from sms_settings where name = 'signature'");
        forget();
    }

    /**
     * The signature stripped of surrounding blanks, or refused: it must be 【】 around 2 to 20 characters on one line
     * (no brackets of its own, no blanks at either end inside).
     */
    public static String check(String signature) {
        String s = signature == null ? "" : signature.strip();
        String inside = s.length() >= 2 && s.startsWith("【") && s.endsWith("】") ? s.substring(1, s.length() - 1) : null;
        int length = inside == null ? 0 : inside.codePointCount(0, inside.length());
        if (inside == null || length < 2 || length > 20 || !inside.strip().equals(inside) || inside.contains("【")
                || inside.contains("】") || inside.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("signature: '" + s + "' (expected: 【】 around 2 to 20 characters on "
                    + "one line, e.g. 【国网供电服务】)");
        }
        return s;
    }

    // drop the cached signature now and, inside a transaction, again when it ends (a read in between saw the old row)
    private void forget() {
        synchronized (lock) {
            changes++;
            cached = null;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    synchronized (lock) {
                        changes++;
                        cached = null;
                    }
                }
            });
        }
    }
}
