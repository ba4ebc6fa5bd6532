package org.hotline.desktop.security.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see the login locks in force and lift one (a locked-out agent at the start of a shift). */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class LockoutController {

    private static final Logger log = LoggerFactory.getLogger(LockoutController.class);

    private final LoginThrottle throttle;

    LockoutController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/api/admin/lockouts")
    List<LoginThrottle.Lock> locks() {
        return throttle.locks();
    }

    @PostMapping("/api/admin/lockouts/{kind}/{key}/lift")
    ResponseEntity<Map<String, Object>> lift(@PathVariable String kind, @PathVariable String key, Principal who) {
        if (!"user".equals(kind) && !"address".equals(kind)) {
            return ResponseEntity.badRequest().body(Map.of("error", "kind: '" + kind
                    + "' (expected: user or address)"));
        }
        if (!throttle.lift(kind, key)) {
            return ResponseEntity.status(404).body(Map.of("error", "no lock on " + kind + " '" + key + "'"));
        }
        log.info("login lock on {} {} lifted by {}", kind, key, who.getName());
        return ResponseEntity.ok(Map.of("lifted", true, "kind", kind, "key", key));
    }
}
