package org.hotline.cti.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.cti.call.AgentInterface;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users, their phone interfaces and queue memberships in PostgreSQL, with BCrypt password checks. Thread-safe;
 * joins a Spring-managed transaction on the same DataSource when there is one.
 */
public final class AgentDirectory {

    /** BCrypt cost used unless told otherwise (2^10 rounds, about 50–100 ms per check on one core). */
    public static final int DEFAULT_BCRYPT_STRENGTH = 10;

    private static final String ACCOUNTS = """
            select u.id, u.username, u.display_name, u.role, u.enabled,
                   coalesce((select array_agg(i.interface order by i.id) from agent_interfaces i
                             where i.user_id = u.id), '{}') as interfaces,
                   coalesce((select array_agg(q.name order by m.penalty, q.name) from queue_members m
                             join queues q on q.id = m.queue_id where m.user_id = u.id), '{}') as queues
            from users u
            """;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;

    /** Uses BCrypt at {@link #DEFAULT_BCRYPT_STRENGTH}. */
    public AgentDirectory(DataSource dataSource) {
        this(dataSource, DEFAULT_BCRYPT_STRENGTH);
    }

    /** Uses BCrypt at the given cost (4–31) for new passwords; existing hashes keep their own cost. */
    public AgentDirectory(DataSource dataSource, int bcryptStrength) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalArgumentException("bcryptStrength: " + bcryptStrength + " (expected: 4..31)");
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.encoder = new BCryptPasswordEncoder(bcryptStrength);
        // an unknown user costs the same hash as a known one, so timing does not reveal who exists
        this.dummyHash = encoder.encode("no-such-user-" + System.nanoTime());
    }

    /** The user with this username (case-insensitive input, stored lower-case). */
    public Optional<AgentAccount> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return first(query(ACCOUNTS + " where u.username = ?", username.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * The user whose phone this is. Both sides are compared normalized, so a channel name, a member interface with
     * Local options ({@code Local/1001@agents/n}) and the bare interface all find the account that lists either.
     */
    public Optional<AgentAccount> findByInterface(AgentInterface agentInterface) {
        Objects.requireNonNull(agentInterface, "agentInterface");
        String normalized = AgentInterface.of(agentInterface.value()).value();
        // a stored Local member interface may carry options after a further '/', e.g. Local/1001@agents/n
        return first(query(ACCOUNTS + """
                 where u.id = (select user_id from agent_interfaces
                               where interface = ? or left(interface, ?) = ? order by id limit 1)""",
                normalized, normalized.length() + 1, normalized + "/"));
    }

    /** The stored BCrypt hash, for a web layer that checks passwords itself. */
    public Optional<String> passwordHash(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return jdbc.queryForList("select password_hash from users where username = ?", String.class,
                username.strip().toLowerCase(java.util.Locale.ROOT)).stream().findFirst();
    }

    /**
     * True when the user exists, is enabled and the password matches. Unknown and disabled users cost one BCrypt
     * check too, so the answer's timing does not tell whether the user exists.
     */
    public boolean verify(String username, String rawPassword) {
        if (rawPassword == null) {
            return false;
        }
        List<Map<String, Object>> rows = username == null ? List.of() : jdbc.queryForList(
                "select password_hash, enabled from users where username = ?",
                username.strip().toLowerCase(java.util.Locale.ROOT));
        if (rows.isEmpty()) {
            encoder.matches(rawPassword, dummyHash);
            return false;
        }
        boolean matches = encoder.matches(rawPassword, (String) rows.get(0).get("password_hash"));
        return matches && Boolean.TRUE.equals(rows.get(0).get("enabled"));
    }

    /**
     * A random one-time password of 16 characters without look-alikes (no 0/O, 1/l/I), to be read off a log line or
     * a slip of paper and changed at the first login.
     */
    public static String oneTimePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Whether the user must choose a new password before anything else (a one-time or reset password). */
    public boolean mustChangePassword(String username) {
        return username != null && !jdbc.queryForList("select 1 from users where username = ? and must_change_password",
                Integer.class, username.strip().toLowerCase(java.util.Locale.ROOT)).isEmpty();
    }

    /**
     * Sets a user's password; {@code handedOut} marks one the user must change at the next login (a one-time or
     * reset password). Returns false for an unknown user.
     *
     * @throws IllegalArgumentException for a password too short or too long ({@link NewAgent#checkPassword})
     */
    public boolean setPassword(String username, String rawPassword, boolean handedOut) {
        NewAgent.checkPassword(rawPassword);
        return username != null && jdbc.update("""
                update users set password_hash = ?, must_change_password = ?, password_changed_at = now()
                where username = ?""", encoder.encode(rawPassword), handedOut,
                username.strip().toLowerCase(java.util.Locale.ROOT)) == 1;
    }

    /** Enables or disables a user; returns whether the flag changed. */
    public boolean setEnabled(String username, boolean enabled) {
        return username != null && jdbc.update("update users set enabled = ? where username = ? and enabled <> ?",
                enabled, username.strip().toLowerCase(java.util.Locale.ROOT), enabled) == 1;
    }

    /** Whether some enabled administrator can sign in. */
    public boolean hasEnabledAdministrator() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from users where role = 'ADMIN' and enabled)", Boolean.class));
    }

    /** Every user, by username. */
    public List<AgentAccount> all() {
        return query(ACCOUNTS + " order by u.username");
    }

    /**
     * Creates the user with its interfaces and queue memberships in one transaction.
     *
     * @throws IllegalArgumentException when a queue does not exist
     * @throws org.springframework.dao.DuplicateKeyException when the username or an interface is taken
     */
    public AgentAccount create(NewAgent agent) {
        Objects.requireNonNull(agent, "agent");
        String hash = encoder.encode(agent.rawPassword());
        Long id = tx.execute(status -> {
            Long userId = jdbc.queryForObject("""
                    insert into users (username, display_name, password_hash, role) values (?, ?, ?, ?)
                    returning id""", Long.class, agent.username(), agent.displayName(), hash, agent.role().name());
            for (String i : agent.interfaces()) {
                jdbc.update("insert into agent_interfaces (user_id, interface) values (?, ?)", userId, i);
            }
            for (String q : agent.queues()) {
                int added = jdbc.update("""
                        insert into queue_members (queue_id, user_id) select id, ? from queues where name = ?""",
                        userId, q);
                if (added == 0) {
                    throw new IllegalArgumentException("queues: '" + q + "' (expected: an existing queue)");
                }
            }
            return userId;
        });
        return first(query(ACCOUNTS + " where u.id = ?", id)).orElseThrow();
    }

    /**
     * Changes the user's name, role, interfaces and queues in one transaction (a queue kept keeps its penalty); empty
     * for an unknown user.
     *
     * @throws IllegalArgumentException when a queue does not exist
     * @throws org.springframework.dao.DuplicateKeyException when an interface belongs to another user
     */
    public Optional<AgentAccount> change(String username, AgentChange change) {
        Objects.requireNonNull(change, "change");
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        Long id = tx.execute(status -> {
            List<Long> found = jdbc.queryForList("update users set display_name = ?, role = ? where username = ? "
                    + "returning id", Long.class, change.displayName(), change.role().name(), name);
            if (found.isEmpty()) {
                return null;
            }
            long userId = found.get(0);
            jdbc.update("delete from agent_interfaces where user_id = ?", userId);
            for (String i : change.interfaces()) {
                jdbc.update("insert into agent_interfaces (user_id, interface) values (?, ?)", userId, i);
            }
            jdbc.update("delete from queue_members m using queues q where q.id = m.queue_id and m.user_id = ? "
                    + "and q.name <> all (?)", userId, change.queues().toArray(String[]::new));
            for (String q : change.queues()) {
                if (jdbc.queryForList("select id from queues where name = ?", Long.class, q).isEmpty()) {
                    throw new IllegalArgumentException("queues: '" + q + "' (expected: an existing queue)");
                }
                jdbc.update("insert into queue_members (queue_id, user_id) select id, ? from queues where name = ? "
                        + "on conflict do nothing", userId, q);
            }
            return userId;
        });
        return id == null ? Optional.empty() : first(query(ACCOUNTS + " where u.id = ?", id));
    }

    /** The users who must change their password before anything else, by username. */
    public java.util.Set<String> mustChangePasswordUsers() {
        return java.util.Set.copyOf(jdbc.queryForList("select username from users where must_change_password",
                String.class));
    }

    private List<AgentAccount> query(String sql, Object... args) {
        return jdbc.query(sql, (rs, n) -> read(rs), args);
    }

    private static AgentAccount read(ResultSet rs) throws SQLException {
        return new AgentAccount(rs.getLong(1), rs.getString(2), rs.getString(3),
                AgentAccount.Role.valueOf(rs.getString(4)), rs.getBoolean(5), strings(rs, 6), strings(rs, 7));
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    private static Optional<AgentAccount> first(List<AgentAccount> accounts) {
        return accounts.stream().findFirst();
    }

    /** The penalty of each queue {@code username} serves (0: first choice), as Asterisk is told when adding them. */
    public Map<String, Integer> penalties(String username) {
        Map<String, Integer> out = new java.util.HashMap<>();
        jdbc.query("""
                select q.name, m.penalty from queue_members m join queues q on q.id = m.queue_id
                join users u on u.id = m.user_id where u.username = ?""",
                rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                }, username);
        return out;
    }

}
