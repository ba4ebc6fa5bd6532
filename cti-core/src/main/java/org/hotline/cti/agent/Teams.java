package org.hotline.cti.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Teams (班组) of users, each user in one team at most; administrators make them and put users in them. */
public final class Teams {

    private final JdbcTemplate jdbc;

    /** Teams in {@code dataSource}. */
    public Teams(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Every team's name, sorted. */
    public List<String> names() {
        return jdbc.queryForList("select name from teams order by name", String.class);
    }

    /**
     * Adds a team; false when one of that name exists.
     *
     * @throws IllegalArgumentException for an empty name or one over 30 characters
     */
    public boolean create(String name, String by) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 30) {
            throw new IllegalArgumentException("name: empty or longer than 30 characters (expected: e.g. 一班)");
        }
        try {
            return jdbc.update("insert into teams (name, created_by) values (?, ?) on conflict (name) do nothing", n,
                    by) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Puts {@code username} in {@code team} (null or blank: in none); false for an unknown user.
     *
     * @throws IllegalArgumentException for a team that does not exist
     */
    public boolean assign(String username, String team) {
        if (team == null || team.isBlank()) {
            return jdbc.update("update users set team_id = null where username = ?", username) == 1;
        }
        List<Long> id = jdbc.queryForList("select id from teams where name = ?", Long.class, team.strip());
        if (id.isEmpty()) {
            throw new IllegalArgumentException("team: '" + team + "' (expected: an existing team)");
        }
        return jdbc.update("update users set team_id = ? where username = ?", id.get(0), username) == 1;
    }

    /** The team of {@code username}, if any. */
    public Optional<String> teamOf(String username) {
        return jdbc.queryForList("select t.name from users u join teams t on t.id = u.team_id where u.username = ?",
                String.class, username).stream().findFirst();
    }

    /** Each user's team, by user name (users in no team left out). */
    public Map<String, String> byUser() {
        Map<String, String> out = new TreeMap<>();
        jdbc.query("select u.username, t.name from users u join teams t on t.id = u.team_id", rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }
}
