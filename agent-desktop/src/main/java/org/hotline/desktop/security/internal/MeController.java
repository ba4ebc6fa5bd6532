package org.hotline.desktop.security.internal;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.hotline.cti.agent.AgentDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tells the page who is logged in (name, role, chosen language), and remembers the language the user picks. */
@RestController
class MeController {

    /** The language the user picked with the pages' switch. */
    record LanguageChoice(String language) {
    }

    private final AgentDirectory directory;
    private final UserLanguages languages;

    MeController(AgentDirectory directory, UserLanguages languages) {
        this.directory = directory;
        this.languages = languages;
    }

    @GetMapping("/api/me")
    Map<String, Object> me(Principal principal) {
        Map<String, Object> me = new HashMap<>(directory.findByUsername(principal.getName())
                .<Map<String, Object>>map(a -> Map.of("username", a.username(), "displayName", a.displayName(),
                        "role", String.valueOf(a.role()), "interfaces", a.interfaces(), "queues", a.queues()))
                .orElseGet(() -> Map.of("username", principal.getName())));
        // null (never chosen): the page keeps the language it has (the browser's, zh-CN by default)
        me.put("language", languages.of(principal.getName()).orElse(null));
        return me;
    }

    @PutMapping("/api/me/language")
    ResponseEntity<Map<String, Object>> language(@RequestBody(required = false) LanguageChoice choice,
                                                 Principal principal) {
        if (choice == null || choice.language() == null || !UserLanguages.SUPPORTED.contains(choice.language())) {
            return ResponseEntity.badRequest().body(Map.of("error", "unsupported_language",
                    "message", "language: expected zh-CN or en"));
        }
        if (!languages.set(principal.getName(), choice.language())) {
            return ResponseEntity.status(404).body(Map.of("error", "no_such_user",
                    "message", "this account has no user record to remember a language in"));
        }
        return ResponseEntity.ok(Map.of("language", choice.language()));
    }
}
