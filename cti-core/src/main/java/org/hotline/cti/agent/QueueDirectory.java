package org.hotline.cti.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The call queues Hotline knows ({@code queues}: each a section of Asterisk's queues.conf) and who serves each at
 * which penalty ({@code queue_members}; 0 is the first choice, a higher penalty is asked only when the lower ones are
 * busy: Asterisk's way of routing by skill). Administrators create and change them; the desk adds an agent to a queue
 * at the penalty here.
 */
public final class QueueDirectory {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,80}$");

    /**
     * A queue with its members.
     *
     * @param name                the queues.conf section name
     * @param displayName         its name on the pages
     * @param serviceLevelSeconds answered within this counts in the service level (reports, wallboard)
     * @param members             who serves it, lowest penalty first
     */
    public record Queue(String name, String displayName, int serviceLevelSeconds, List<Member> members) {
        /** Copies the members. */
        public Queue {
            members = List.copyOf(members);
        }
    }

    /**
     * One agent serving a queue.
     *
     * @param username    the user
     * @param displayName the user's name
     * @param penalty     the member penalty (0: first choice)
     */
    public record Member(String username, String displayName, int penalty) {
    }

    private final JdbcTemplate jdbc;

    /** Queues in {@code dataSource}. */
    public QueueDirectory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Every queue by name, with its members. */
    public List<Queue> all() {
        Map<String, Object[]> queues = new LinkedHashMap<>();
        jdbc.query("select name, display_name, service_level_seconds from queues order by name", rs -> {
            queues.put(rs.getString(1), new Object[] {rs.getString(2), rs.getInt(3), new ArrayList<Member>()});
        });
        jdbc.query("""
                select q.name, u.username, u.display_name, m.penalty from queue_members m
                join queues q on q.id = m.queue_id join users u on u.id = m.user_id
                order by q.name, m.penalty, u.username""", rs -> {
                    Object[] q = queues.get(rs.getString(1));
                    @SuppressWarnings("unchecked")
                    List<Member> members = (List<Member>) q[2];
                    members.add(new Member(rs.getString(2), rs.getString(3), rs.getInt(4)));
                });
        List<Queue> out = new ArrayList<>();
        queues.forEach((name, q) -> {
            @SuppressWarnings("unchecked")
            List<Member> members = (List<Member>) q[2];
            out.add(new Queue(name, (String) q[0], (Integer) q[1], members));
        });
        return out;
    }

    /** The queue named {@code name}, if there is one. */
    public Optional<Queue> find(String name) {
        return all().stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /**
     * Adds a queue; false when one of that name exists.
     *
     * @throws IllegalArgumentException for a name Asterisk would not take, an empty display name or a bad service level
     */
    public boolean create(String name, String displayName, int serviceLevelSeconds) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' (expected: the queues.conf section name, letters,"
                    + " digits, _ . - up to 80)");
        }
        check(displayName, serviceLevelSeconds);
        return jdbc.update("insert into queues (name, display_name, service_level_seconds) values (?, ?, ?) "
                + "on conflict (name) do nothing", name, displayName.strip(), serviceLevelSeconds) == 1;
    }

    /** Renames a queue on the pages and sets its service level; false when there is no such queue. */
    public boolean update(String name, String displayName, int serviceLevelSeconds) {
        check(displayName, serviceLevelSeconds);
        return jdbc.update("update queues set display_name = ?, service_level_seconds = ? where name = ?",
                displayName.strip(), serviceLevelSeconds, name) == 1;
    }

    /** The queues the big screen leaves out (issue #16). */
    public java.util.Set<String> hiddenFromBigScreen() {
        return new java.util.TreeSet<>(jdbc.queryForList("select name from queues where hidden_from_big_screen",
                String.class));
    }

    /** Shows or hides a queue on the big screen; false when there is no such queue. */
    public boolean setHiddenFromBigScreen(String name, boolean hidden) {
        return jdbc.update("update queues set hidden_from_big_screen = ? where name = ?", hidden, name) == 1;
    }

    /**
     * Sets {@code username}'s penalty in {@code queue}; false when the user does not serve that queue.
     *
     * @throws IllegalArgumentException for a penalty outside 0 to 100
     */
    public boolean setPenalty(String queue, String username, int penalty) {
        if (penalty < 0 || penalty > 100) {
            throw new IllegalArgumentException("penalty: " + penalty + " (expected: 0, the first choice, to 100)");
        }
        return jdbc.update("""
                update queue_members m set penalty = ? from queues q, users u
                where q.id = m.queue_id and u.id = m.user_id and q.name = ? and u.username = ?""",
                penalty, queue, username) == 1;
    }

    private static void check(String displayName, int serviceLevelSeconds) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 50) {
            throw new IllegalArgumentException("displayName: empty or longer than 50 characters");
        }
        if (serviceLevelSeconds < 1 || serviceLevelSeconds > 3600) {
            throw new IllegalArgumentException("serviceLevelSeconds: " + serviceLevelSeconds
                    + " (expected: 1 to 3600, e.g. 20 for 80/20)");
        }
    }
}
