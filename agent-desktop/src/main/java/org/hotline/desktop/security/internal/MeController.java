package org.hotline.desktop.security.internal;

import java.security.Principal;
import java.util.Map;
import org.hotline.cti.agent.AgentDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the page who is logged in (name and role), for its header. */
@RestController
class MeController {

    private final AgentDirectory directory;

    MeController(AgentDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/me")
    Map<String, Object> me(Principal principal) {
        return directory.findByUsername(principal.getName())
                .<Map<String, Object>>map(a -> Map.of("username", a.username(), "displayName", a.displayName(),
                        "role", String.valueOf(a.role()), "interfaces", a.interfaces(), "queues", a.queues()))
                .orElseGet(() -> Map.of("username", principal.getName()));
    }
}
