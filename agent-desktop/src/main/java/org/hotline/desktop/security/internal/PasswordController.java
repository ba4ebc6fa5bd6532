package org.hotline.desktop.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Map;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
import org.hotline.cti.demo.DemoUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in user changes the own password: the current one, then a new one that is no published or old one. */
@RestController
class PasswordController {

    /** The current password and the new one. */
    record Change(String current, String next) {
    }

    private final AgentDirectory directory;
    private final LoginThrottle throttle;

    PasswordController(AgentDirectory directory, LoginThrottle throttle) {
        this.directory = directory;
        this.throttle = throttle;
    }

    @PostMapping("/api/me/password")
    ResponseEntity<Map<String, Object>> change(@RequestBody(required = false) Change change, Principal who,
                                               HttpServletRequest request) {
        if (change == null || change.current() == null || change.next() == null) {
            return refused("empty", "current, next: empty (expected: the current password and the new one)");
        }
        if (!directory.verify(who.getName(), change.current())) {
            // a stolen session must not try passwords here either
            throttle.failed(who.getName(), request.getRemoteAddr());
            return refused("wrong_current", "current: wrong password");
        }
        String next = change.next();
        try {
            NewAgent.checkPassword(next);
        } catch (IllegalArgumentException e) {
            return refused(next.length() < NewAgent.MIN_PASSWORD_LENGTH ? "too_short" : "too_long", e.getMessage());
        }
        if (next.equals(change.current())) {
            return refused("unchanged", "next: the same as the current password");
        }
        if (next.equalsIgnoreCase(who.getName()) || DemoUsers.isPublished(next)) {
            return refused("guessable", "next: the user name or a published demo password");
        }
        directory.setPassword(who.getName(), next, false);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PasswordChangeGate.ATTRIBUTE);
        }
        return ResponseEntity.ok(Map.of("changed", true));
    }

    private static ResponseEntity<Map<String, Object>> refused(String code, String message) {
        return ResponseEntity.badRequest().body(Map.of("error", code, "message", message));
    }
}
