package org.hotline.server.setup;

import java.security.SecureRandom;
import java.util.List;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.agent.NewAgent;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.demo.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A real deployment's first start (the demo off): demo users that still have their published passwords are disabled,
 * and when no administrator can sign in, {@code admin} gets a one-time password (from the setting, or random and
 * printed once to the log) that must be changed at the first login.
 */
@Component
class FirstAdministrator {

    static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    // no 0/O, 1/l/I: read off a log line and typed by hand
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DemoProperties demo;
    private final SetupProperties setup;
    private final AgentDirectory agents;

    FirstAdministrator(DemoProperties demo, SetupProperties setup, AgentDirectory agents) {
        this.demo = demo;
        this.setup = setup;
        this.agents = agents;
    }

    @EventListener(ApplicationReadyEvent.class)
    void secureFirstStart() {
        if (demo.enabled()) {
            return;
        }
        List<String> disabled = DemoUsers.disablePublished(agents);
        if (!disabled.isEmpty()) {
            log.warn("demo is off: disabled {} demo user(s) that still had the published passwords: {}",
                    disabled.size(), disabled);
        }
        if (agents.hasEnabledAdministrator()) {
            return;
        }
        String given = setup.initialAdminPassword();
        String password = given == null || given.isBlank() ? random() : given;
        var existing = agents.findByUsername(USERNAME);
        if (existing.isPresent() && existing.get().role() != AgentAccount.Role.ADMIN) {
            log.error("no administrator can sign in, and user '{}' exists with role {}: create an administrator in "
                    + "the database (see README, Going live)", USERNAME, existing.get().role());
            return;
        }
        if (existing.isPresent()) {
            agents.setPassword(USERNAME, password, true);
            agents.setEnabled(USERNAME, true);
        } else {
            agents.create(new NewAgent(USERNAME, "系统管理员", password, AgentAccount.Role.ADMIN, List.of(), List.of()));
            agents.setPassword(USERNAME, password, true);
        }
        if (given == null || given.isBlank()) {
            log.warn("first start: administrator '{}' has the one-time password {} (shown only this once; it must be "
                    + "changed at the first login)", USERNAME, password);
        } else {
            log.warn("first start: administrator '{}' has the one-time password from HOTLINE_SETUP_INITIAL_ADMIN_PASSWORD;"
                    + " it must be changed at the first login", USERNAME);
        }
    }

    private static String random() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
