package org.hotline.workorder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.hotline.workorder.CrewAppRejectedException.Kind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crew tokens: administrators issue one per crew member (the secret is shown once; only its SHA-256 is stored) and
 * revoke it, or a crew member's account of role CREW signs in and gets one that expires (docs/adr/0024); the crew
 * app's filter authenticates each request with {@link #authenticate}. Thread-safe.
 */
public class CrewTokens {

    /** Every token starts with this, so a leaked one is recognisable in logs and scanners. */
    public static final String PREFIX = "hc_";

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final String SELECT = """
            select t.id, t.token_hint, t.member_name, t.member_phone, u.code, u.name, t.issued_at, t.issued_by,
                   t.revoked_at, t.revoked_by, t.revoke_reason, t.last_used_at, u.id, u.kind, t.signed_in_user,
                   t.expires_at, coalesce(s.enabled and s.role = 'CREW', false)
            from work_order_crew_tokens t join work_order_units u on u.id = t.crew_unit_id
            left join users s on s.username = t.signed_in_user""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** Tokens in {@code dataSource}; "now" from {@code clock}. */
    public CrewTokens(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues a token for crew member {@code name} of crew unit {@code crew}; the answer carries the secret, which
     * is never shown again.
     *
     * @throws WorkOrderRejectedException INVALID for a bad name or phone; UNPROCESSABLE for a unit that is no crew
     */
    public CrewToken issue(String crew, String name, String phone, String by) {
        String member = name == null ? "" : name.strip();
        if (member.isEmpty() || member.length() > 50) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.INVALID,
                    "memberName: empty or longer than 50 characters (expected: the crew member's name)");
        }
        String number = phone == null || phone.isBlank() ? null : phone.strip();
        if (number != null && !number.matches("^\\+?[0-9][0-9 -]{2,19}$")) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.INVALID, "memberPhone: '" + phone
                    + "' (expected: digits, spaces or -, e.g. 13800000001)");
        }
        Long unit = crewUnit(crew);
        String secret = newSecret();
        Long id = jdbc.queryForObject("""
                insert into work_order_crew_tokens (token_hash, token_hint, member_name, member_phone, crew_unit_id,
                    issued_at, issued_by) values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, sha256(secret),
                secret.substring(0, 8), member, number, unit, Timestamp.from(clock.instant()),
                by);
        return token(id).withSecret(secret);
    }

    /**
     * Issues a token to CREW user {@code username} who signed in, for the crew an administrator bound the account to;
     * it expires after {@code lifetime}, and the user's earlier sign-in tokens are revoked (one phone at a time).
     *
     * @throws WorkOrderRejectedException UNPROCESSABLE when the account is no enabled crew account or has no crew
     */
    public CrewToken issueForSignIn(String username, Duration lifetime) {
        List<Map<String, Object>> account = jdbc.queryForList("""
                select a.crew_unit_id, s.display_name from work_order_crew_accounts a
                join users s on s.username = a.username
                join work_order_units u on u.id = a.crew_unit_id and u.kind = 'crew'
                where a.username = ? and s.enabled and s.role = 'CREW'""", username);
        if (account.isEmpty()) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.UNPROCESSABLE, "'" + username
                    + "' is no crew member's account with a crew (expected: an administrator assigns the account a"
                    + " crew on the users page)");
        }
        Instant now = clock.instant();
        jdbc.update("""
                update work_order_crew_tokens set revoked_at = ?, revoked_by = ?, revoke_reason = 'signed in again'
                where signed_in_user = ? and revoked_at is null""", Timestamp.from(now), username, username);
        String secret = newSecret();
        String name = (String) account.get(0).get("display_name");
        Long id = jdbc.queryForObject("""
                insert into work_order_crew_tokens (token_hash, token_hint, member_name, crew_unit_id, issued_at,
                    issued_by, signed_in_user, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                sha256(secret), secret.substring(0, 8), name.length() > 50 ? name.substring(0, 50) : name,
                account.get(0).get("crew_unit_id"), Timestamp.from(now), username, username,
                Timestamp.from(now.plus(lifetime)));
        return token(id).withSecret(secret);
    }

    /** Binds CREW user {@code username} to crew unit {@code crew}. @throws WorkOrderRejectedException */
    public void assignAccount(String username, String crew, String by) {
        Long unit = crewUnit(crew);
        int n = jdbc.update("""
                insert into work_order_crew_accounts (username, crew_unit_id, assigned_at, assigned_by)
                select username, ?, ?, ? from users where username = ? and role = 'CREW'
                on conflict (username) do update set crew_unit_id = excluded.crew_unit_id,
                    assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by""", unit,
                Timestamp.from(clock.instant()), by, username);
        if (n == 0) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.UNPROCESSABLE, "'" + username
                    + "' is no user of role CREW (expected: a crew member's account)");
        }
        // a new crew: what the phone shows must follow, so the sign-in token ends
        jdbc.update("""
                update work_order_crew_tokens set revoked_at = ?, revoked_by = ?, revoke_reason = 'crew changed'
                where signed_in_user = ? and revoked_at is null and crew_unit_id <> ?""",
                Timestamp.from(clock.instant()), by, username, unit);
    }

    /** The crew each CREW account works for: user name to crew code. */
    public Map<String, String> accounts() {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query("""
                select a.username, u.code from work_order_crew_accounts a
                join work_order_units u on u.id = a.crew_unit_id order by a.username""",
                rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    private Long crewUnit(String crew) {
        List<Map<String, Object>> units = jdbc.queryForList("select id, kind from work_order_units where code = ?",
                crew == null ? "" : crew.strip());
        if (units.isEmpty() || !"crew".equals(units.get(0).get("kind"))) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.UNPROCESSABLE, "crew: '" + crew
                    + "' is " + (units.isEmpty() ? "no unit" : "a " + units.get(0).get("kind") + ", not a crew")
                    + " (expected: the code of a unit of kind crew)");
        }
        return ((Number) units.get(0).get("id")).longValue();
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Revokes a token (its next request is a 401); revoking twice keeps the first. @throws WorkOrderRejectedException */
    public CrewToken revoke(long id, String reason, String by) {
        token(id);
        jdbc.update("""
                update work_order_crew_tokens set revoked_at = ?, revoked_by = ?, revoke_reason = ?
                where id = ? and revoked_at is null""", Timestamp.from(clock.instant()), by,
                reason == null || reason.isBlank() ? null : reason.strip(), id);
        return token(id);
    }

    /** Every token, the newest first. */
    public List<CrewToken> list() {
        return jdbc.query(SELECT + " order by t.id desc", (rs, n) -> view(rs));
    }

    /** One token. @throws WorkOrderRejectedException NOT_FOUND */
    public CrewToken token(long id) {
        List<CrewToken> found = jdbc.query(SELECT + " where t.id = ?", (rs, n) -> view(rs), id);
        if (found.isEmpty()) {
            throw new WorkOrderRejectedException(WorkOrderRejectedException.Kind.NOT_FOUND, "no crew token " + id);
        }
        return found.get(0);
    }

    /**
     * The member a secret names. @throws CrewAppRejectedException UNAUTHORIZED for an unknown or revoked token,
     * with the reason
     */
    public CrewMember authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new CrewAppRejectedException(Kind.UNAUTHORIZED, "crew token required (Authorization: Bearer <token>)",
                    Map.of("reason", "missing"));
        }
        List<Object[]> found = jdbc.query(SELECT + " where t.token_hash = ?", (rs, n) -> new Object[] {view(rs),
            rs.getLong(13), rs.getString(14), rs.getBoolean(17)}, (Object) sha256(secret.strip()));
        if (found.isEmpty()) {
            throw new CrewAppRejectedException(Kind.UNAUTHORIZED, "unknown crew token: ask an administrator for one",
                    Map.of("reason", "unknown"));
        }
        CrewToken t = (CrewToken) found.get(0)[0];
        if (t.revokedAt() != null) {
            Map<String, Object> details = new LinkedHashMap<>(Map.of("reason", "revoked",
                    "revokedAt", t.revokedAt().toString(), "revokedBy", t.revokedBy()));
            if (t.revokeReason() != null) {
                details.put("revokeReason", t.revokeReason());
            }
            throw new CrewAppRejectedException(Kind.UNAUTHORIZED, "crew token revoked at " + t.revokedAt() + " by "
                    + t.revokedBy() + (t.revokeReason() == null ? "" : " (" + t.revokeReason() + ")"), details);
        }
        if (!"crew".equals(found.get(0)[2])) {
            throw new CrewAppRejectedException(Kind.UNAUTHORIZED, "crew token of unit " + t.crew()
                    + ", which is no longer a crew", Map.of("reason", "unknown"));
        }
        Instant now = clock.instant();
        if (t.expiresAt() != null && !t.expiresAt().isAfter(now)) {
            throw new CrewAppRejectedException(Kind.UNAUTHORIZED, "crew sign-in expired at " + t.expiresAt()
                    + ": sign in again", Map.of("reason", "expired"));
        }
        if (t.signedInUser() != null && !(Boolean) found.get(0)[3]) {
            throw new CrewAppRejectedException(Kind.UNAUTHORIZED, "the account " + t.signedInUser()
                    + " is disabled or no longer a crew member's", Map.of("reason", "revoked"));
        }
        // one write a minute at most: enough to see which phones are in use, no write per request
        if (t.lastUsedAt() == null || t.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            jdbc.update("update work_order_crew_tokens set last_used_at = ? where id = ?", Timestamp.from(now), t.id());
        }
        return new CrewMember(t.id(), t.memberName(), t.memberPhone(), (Long) found.get(0)[1], t.crew(), t.crewName());
    }

    private static CrewToken view(ResultSet rs) throws SQLException {
        return new CrewToken(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs, 7), rs.getString(8), instant(rs, 9), rs.getString(10), rs.getString(11),
                instant(rs, 12), rs.getString(15), instant(rs, 16), null);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
