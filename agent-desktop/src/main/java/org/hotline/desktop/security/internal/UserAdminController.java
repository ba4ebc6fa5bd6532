package org.hotline.desktop.security.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentChange;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
import org.hotline.cti.agent.Teams;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentView;
import org.hotline.cti.call.CallTracker;
import org.hotline.desktop.control.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators manage who signs in (the six roles of docs/adr/0024): list users, create one with a one-time
 * password, hand out a new one-time password, change name, role, extension and queues (a new role or phone ends the
 * sessions), disable (both end the user's sessions and sockets on every node) and enable. Every change is in the audit log. The list shows the queues
 * the PBX has each user in now, beside those configured.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    /** A new user: the agent's extension gives the phone interfaces (Local/ext@agents/n, PJSIP/ext). */
    record NewUser(String username, String displayName, String role, String extension, List<String> queues,
                   String team) {
    }

    /** A user's new name, role, extension and queues (all of them, as the form shows them). */
    record ChangedUser(String displayName, String role, String extension, List<String> queues, String team) {
    }

    /** A new team. */
    record NewTeam(String name) {
    }

    private final AgentDirectory directory;
    private final SessionEnder sessions;
    private final AuditLog audit;
    private final ObjectProvider<CallTracker> tracker;
    private final Teams teams;

    UserAdminController(AgentDirectory directory, SessionEnder sessions, AuditLog audit,
                        ObjectProvider<CallTracker> tracker, Teams teams) {
        this.directory = directory;
        this.sessions = sessions;
        this.audit = audit;
        this.tracker = tracker;
        this.teams = teams;
    }

    @GetMapping("/api/admin/teams")
    List<String> teams() {
        return teams.names();
    }

    @PostMapping("/api/admin/teams")
    ResponseEntity<Map<String, Object>> createTeam(@RequestBody(required = false) NewTeam team, Principal who) {
        if (!teams.create(team == null ? null : team.name(), who.getName())) {
            return refused(HttpStatus.CONFLICT, "name: a team '" + team.name() + "' exists already");
        }
        audit.record(who.getName(), "team-created", "team:" + team.name().strip(), Map.of());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("name", team.name().strip()));
    }

    @GetMapping("/api/admin/users")
    List<Map<String, Object>> users() {
        List<Map<String, Object>> out = new ArrayList<>();
        java.util.Set<String> mustChange = directory.mustChangePasswordUsers();
        Map<String, String> teamOf = teams.byUser();
        // what the PBX says now: the queues each member interface is in (dynamic members: those signed in)
        Map<String, java.util.Set<String>> onPbx = new java.util.HashMap<>();
        CallTracker t = tracker.getIfAvailable();
        if (t != null) {
            for (AgentView v : t.agents()) {
                onPbx.put(v.agent().value(), v.queues());
            }
        }
        for (AgentAccount a : directory.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("username", a.username());
            row.put("displayName", a.displayName());
            row.put("role", a.role());
            row.put("enabled", a.enabled());
            row.put("interfaces", a.interfaces());
            row.put("queues", a.queues());
            row.put("team", teamOf.get(a.username()));
            row.put("mustChangePassword", mustChange.contains(a.username()));
            row.put("pbxQueues", a.interfaces().isEmpty() ? List.of()
                    : new java.util.TreeSet<>(onPbx.getOrDefault(AgentInterface.of(a.interfaces().get(0)).value(),
                    java.util.Set.of())));
            row.put("sessions", sessions.sessionsOf(a.username()).size());
            out.add(row);
        }
        return out;
    }

    @PostMapping("/api/admin/users")
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) NewUser user, Principal who) {
        if (user == null || user.username() == null || user.role() == null) {
            return refused(HttpStatus.BAD_REQUEST, "username, role: empty (expected: a user name and one of "
                    + AgentAccount.Role.names() + ")");
        }
        AgentAccount.Role role = role(user.role());
        String ext = user.extension() == null ? "" : user.extension().strip();
        ResponseEntity<Map<String, Object>> bad = rejection(role, ext, user.queues(), user.team());
        if (bad != null) {
            return bad;
        }
        String password = AgentDirectory.oneTimePassword();
        AgentAccount created;
        try {
            created = directory.create(new NewAgent(user.username().strip().toLowerCase(java.util.Locale.ROOT),
                    user.displayName(), password, role,
                    interfaces(ext),
                    user.queues() == null ? List.of() : user.queues()));
        } catch (IllegalArgumentException e) {
            return refused(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (DuplicateKeyException e) {
            return refused(HttpStatus.CONFLICT, "username or extension taken: '" + user.username() + "', '" + ext
                    + "'");
        }
        directory.setPassword(created.username(), password, true);
        teams.assign(created.username(), user.team());
        audit.record(who.getName(), "user-created", created.username(), Map.of("role", role.name(), "extension", ext,
                "queues", created.queues(), "team", user.team() == null ? "" : user.team()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(Map.of("username", created.username(), "oneTimePassword", password));
    }

    @PutMapping("/api/admin/users/{username}")
    ResponseEntity<Map<String, Object>> change(@PathVariable String username,
                                               @RequestBody(required = false) ChangedUser user, Principal who) {
        if (user == null || user.role() == null) {
            return refused(HttpStatus.BAD_REQUEST, "role: empty (expected: one of " + AgentAccount.Role.names()
                    + ")");
        }
        AgentAccount.Role role = role(user.role());
        String ext = user.extension() == null ? "" : user.extension().strip();
        ResponseEntity<Map<String, Object>> bad = rejection(role, ext, user.queues(), user.team());
        if (bad != null) {
            return bad;
        }
        java.util.Optional<AgentAccount> before = directory.findByUsername(username);
        if (before.isEmpty()) {
            return refused(HttpStatus.NOT_FOUND, "no user '" + username + "'");
        }
        if (username.equalsIgnoreCase(who.getName()) && role != AgentAccount.Role.ADMIN) {
            return refused(HttpStatus.CONFLICT, "an administrator does not take the own administrator role away");
        }
        AgentAccount changed;
        try {
            changed = directory.change(username, new AgentChange(user.displayName(), role,
                    interfaces(ext),
                    user.queues())).orElseThrow();
        } catch (IllegalArgumentException e) {
            return refused(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (DuplicateKeyException e) {
            return refused(HttpStatus.CONFLICT, "extension taken by another user: '" + ext + "'");
        }
        String teamBefore = teams.teamOf(username).orElse("");
        teams.assign(changed.username(), user.team());
        AgentAccount was = before.get();
        // a new role or phone changes what the open sessions may do and which calls they see: they sign in again
        boolean reSignIn = was.role() != changed.role() || !was.interfaces().equals(changed.interfaces());
        int ended = reSignIn ? sessions.endAll(changed.username()) : 0;
        audit.record(who.getName(), "user-changed", changed.username(), Map.of("role", was.role() + " -> "
                + changed.role(), "interfaces", was.interfaces() + " -> " + changed.interfaces(), "queues",
                was.queues() + " -> " + changed.queues(), "team", teamBefore + " -> "
                + (user.team() == null ? "" : user.team().strip()), "sessionsEnded", ended));
        return ResponseEntity.ok(Map.of("username", changed.username(), "role", changed.role().name(),
                "interfaces", changed.interfaces(), "queues", changed.queues(), "sessionsEnded", ended));
    }

    @PostMapping("/api/admin/users/{username}/reset-password")
    ResponseEntity<Map<String, Object>> reset(@PathVariable String username, Principal who) {
        String password = AgentDirectory.oneTimePassword();
        if (!directory.setPassword(username, password, true)) {
            return refused(HttpStatus.NOT_FOUND, "no user '" + username + "'");
        }
        int ended = sessions.endAll(username);
        audit.record(who.getName(), "password-reset", username, Map.of("sessionsEnded", ended));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("username", username, "oneTimePassword", password, "sessionsEnded", ended));
    }

    @PostMapping("/api/admin/users/{username}/disable")
    ResponseEntity<Map<String, Object>> disable(@PathVariable String username, Principal who) {
        if (username.equalsIgnoreCase(who.getName())) {
            return refused(HttpStatus.CONFLICT, "an administrator does not disable the own account");
        }
        if (directory.findByUsername(username).isEmpty()) {
            return refused(HttpStatus.NOT_FOUND, "no user '" + username + "'");
        }
        directory.setEnabled(username, false);
        int ended = sessions.endAll(username);
        audit.record(who.getName(), "user-disabled", username, Map.of("sessionsEnded", ended));
        return ResponseEntity.ok(Map.of("username", username, "enabled", false, "sessionsEnded", ended));
    }

    @PostMapping("/api/admin/users/{username}/enable")
    ResponseEntity<Map<String, Object>> enable(@PathVariable String username, Principal who) {
        if (directory.findByUsername(username).isEmpty()) {
            return refused(HttpStatus.NOT_FOUND, "no user '" + username + "'");
        }
        directory.setEnabled(username, true);
        audit.record(who.getName(), "user-enabled", username, Map.of());
        return ResponseEntity.ok(Map.of("username", username, "enabled", true));
    }

    private static AgentAccount.Role role(String name) {
        try {
            return AgentAccount.Role.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role: '" + name + "' (expected: one of " + AgentAccount.Role.names()
                    + ")");
        }
    }

    // the agent's extension gives the member interface the dialplan names, then the phone itself
    private static List<String> interfaces(String ext) {
        return ext.isEmpty() ? List.of() : List.of("Local/" + ext + "@agents/n", "PJSIP/" + ext);
    }

    // what a user may be given: a phone and queues for those who take calls, an existing team
    private ResponseEntity<Map<String, Object>> rejection(AgentAccount.Role role, String ext, List<String> queues,
                                                          String team) {
        if (team != null && !team.isBlank() && !teams.names().contains(team.strip())) {
            return refused(HttpStatus.BAD_REQUEST, "team: '" + team + "' (expected: an existing team)");
        }
        if (!ext.isEmpty() && !ext.matches("^[0-9]{2,8}$")) {
            return refused(HttpStatus.BAD_REQUEST, "extension: '" + ext + "' (expected: 2 to 8 digits)");
        }
        boolean offTheFloor = role == AgentAccount.Role.DISPATCHER || role == AgentAccount.Role.CREW;
        if (offTheFloor && (!ext.isEmpty() || queues != null && !queues.isEmpty())) {
            return refused(HttpStatus.BAD_REQUEST, "extension, queues: a " + role + " takes no calls (expected: "
                    + "none; a dispatcher works on the work-order page, a crew member on the crew page)");
        }
        return null;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        return refused(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
