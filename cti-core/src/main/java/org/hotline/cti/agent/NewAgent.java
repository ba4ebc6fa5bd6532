package org.hotline.cti.agent;

import java.util.List;
import java.util.Objects;
import org.hotline.cti.call.AgentInterface;

/**
 * Create a user: {@code rawPassword} is hashed with BCrypt and never stored; {@code interfaces} are kept as written
 * (the queue member's exact interface, {@code Local/1001@agents/n}), channel names cut to their interface
 * ({@link AgentInterface#of}), one per phone; {@code queues} name existing queues (member penalty 0).
 */
public record NewAgent(String username, String displayName, String rawPassword, AgentAccount.Role role,
                       List<String> interfaces, List<String> queues) {

    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    /** BCrypt ignores bytes past 72, so longer passwords would silently lose characters. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** Validates and normalizes the command. */
    public NewAgent {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(rawPassword, "rawPassword");
        Objects.requireNonNull(role, "role");
        username = username.strip();
        if (!username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new IllegalArgumentException("username: '" + username
                    + "' (expected: 2-64 lower-case letters, digits, '.', '_' or '-')");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (displayName.length() > 100) {
            throw new IllegalArgumentException("displayName: " + displayName.length() + " characters (expected: <= 100)");
        }
        checkPassword(rawPassword);
        interfaces = interfaces == null ? List.of() : interfaces(interfaces);
        queues = queues == null ? List.of() : queues.stream().map(String::strip).distinct().toList();
    }

    /**
     * Checks a password's length: at least {@link #MIN_PASSWORD_LENGTH} characters, at most
     * {@link #MAX_PASSWORD_BYTES} bytes.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void checkPassword(String rawPassword) {
        Objects.requireNonNull(rawPassword, "rawPassword");
        if (rawPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("rawPassword: " + rawPassword.length() + " characters (expected: >= "
                    + MIN_PASSWORD_LENGTH + ")");
        }
        int bytes = rawPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("rawPassword: " + bytes + " bytes (expected: <= " + MAX_PASSWORD_BYTES
                    + ")");
        }
    }

    /** The interfaces as kept: one per phone, a channel name cut to its interface, a member's exact form kept. */
    static List<String> interfaces(List<String> given) {
        java.util.Map<String, String> byPhone = new java.util.LinkedHashMap<>();
        for (String i : given) {
            String s = i.strip();
            AgentInterface phone = AgentInterface.of(s);
            // a channel name (PJSIP/1001-0000000a) is no member interface; Local options (/n) are part of one
            boolean channel = s.indexOf(';') >= 0 || !phone.value().equals(s) && !s.startsWith(phone.value() + "/");
            byPhone.putIfAbsent(phone.value(), channel ? phone.value() : s);
        }
        return List.copyOf(byPhone.values());
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "NewAgent[username=" + username + ", displayName=" + displayName + ", role=" + role + ", interfaces="
                + interfaces + ", queues=" + queues + "]";
    }
}
