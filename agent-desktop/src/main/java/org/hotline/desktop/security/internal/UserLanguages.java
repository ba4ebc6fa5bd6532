package org.hotline.desktop.security.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each user's chosen language for the pages (users.language), remembered on the server so every browser follows it. */
@Component
class UserLanguages {

    /** The languages the pages have dictionaries for (docs/glossary.md). */
    static final Set<String> SUPPORTED = Set.of("zh-CN", "en");

    private final JdbcTemplate jdbc;

    UserLanguages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's choice, empty when never made (or for an account outside the users table). */
    Optional<String> of(String username) {
        List<String> found = jdbc.queryForList("select language from users where username = ?", String.class, username);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    /** Remembers the choice; false when there is no such user. */
    boolean set(String username, String language) {
        return jdbc.update("update users set language = ? where username = ?", language, username) == 1;
    }
}
