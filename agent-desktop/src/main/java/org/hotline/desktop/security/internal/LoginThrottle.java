package org.hotline.desktop.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.hotline.desktop.security.LoginProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failed logins per user name and per client address in PostgreSQL (so every node counts the same), and the locks
 * they cause. Thread-safe.
 */
final class LoginThrottle {

    /** A lock in force: what is locked ({@code user} or {@code address}), which one, until when, after how many. */
    record Lock(String kind, String key, Instant lockedUntil, int failures) {
    }

    private final JdbcTemplate jdbc;
    private final LoginProperties settings;
    private final Clock clock;

    LoginThrottle(DataSource dataSource, LoginProperties settings, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings;
        this.clock = clock;
    }

    /** The lock in force on this user name or address, or null. */
    Lock lockOn(String username, String address) {
        List<Lock> locks = jdbc.query("""
                select kind, key, locked_until, failures from login_throttle
                where locked_until > ? and ((kind = 'user' and key = ?) or (kind = 'address' and key = ?))
                order by locked_until desc limit 1""", (rs, n) -> new Lock(rs.getString(1), rs.getString(2),
                rs.getTimestamp(3).toInstant(), rs.getInt(4)), Timestamp.from(clock.instant()), user(username),
                address(address));
        return locks.isEmpty() ? null : locks.get(0);
    }

    /** Counts a failed login; returns the lock now in force on the name or the address, or null. */
    Lock failed(String username, String address) {
        Instant now = clock.instant();
        count("user", user(username), settings.maxFailuresPerUser(), now);
        count("address", address(address), settings.maxFailuresPerAddress(), now);
        return lockOn(username, address);
    }

    /** A successful login clears the name's failures (the address keeps its count: others may share it). */
    void succeeded(String username) {
        jdbc.update("delete from login_throttle where kind = 'user' and key = ?", user(username));
    }

    /** The locks in force, the newest first. */
    List<Lock> locks() {
        return jdbc.query("""
                select kind, key, locked_until, failures from login_throttle where locked_until > ?
                order by locked_until desc""", (rs, n) -> new Lock(rs.getString(1), rs.getString(2),
                rs.getTimestamp(3).toInstant(), rs.getInt(4)), Timestamp.from(clock.instant()));
    }

    /** Lifts a lock and forgets its failures; returns whether there was a lock. */
    boolean lift(String kind, String key) {
        return jdbc.update("delete from login_throttle where kind = ? and key = ? and locked_until > ?", kind,
                "user".equals(kind) ? user(key) : key, Timestamp.from(clock.instant())) == 1;
    }

    private void count(String kind, String key, int max, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(settings.window()));
        Integer failures = jdbc.queryForObject("""
                insert into login_throttle (kind, key, failures, window_start) values (?, ?, 1, ?)
                on conflict (kind, key) do update set
                    failures = case when login_throttle.window_start < ? then 1 else login_throttle.failures + 1 end,
                    window_start = case when login_throttle.window_start < ? then excluded.window_start
                                        else login_throttle.window_start end
                returning failures""", Integer.class, kind, key, at, windowStart, windowStart);
        if (failures != null && failures >= max) {
            jdbc.update("""
                    update login_throttle set locked_until = ?
                    where kind = ? and key = ? and (locked_until is null or locked_until < ?)""",
                    Timestamp.from(now.plus(settings.lockout())), kind, key, at);
        }
    }

    private static String user(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return u.isEmpty() ? "-" : u.length() > 200 ? u.substring(0, 200) : u;
    }

    private static String address(String address) {
        return address == null || address.isBlank() ? "-" : address.length() > 200 ? address.substring(0, 200) : address;
    }
}
