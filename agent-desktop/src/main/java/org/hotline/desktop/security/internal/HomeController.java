package org.hotline.desktop.security.internal;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sends the site's root to the page of the user's role: agents and team leads to their desktop, supervisors to the
 * floor, dispatchers to the work orders, crew members to the crew page, administrators to theirs.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication user) {
        if (user == null) {
            return "redirect:/login.html";
        }
        Set<String> roles = AuthorityUtils.authorityListToSet(user.getAuthorities());
        if (roles.contains("ROLE_SUPERVISOR")) {
            return "redirect:/supervisor.html";
        }
        if (roles.contains("ROLE_DISPATCHER")) {
            return "redirect:/workorders.html";
        }
        if (roles.contains("ROLE_CREW")) {
            return "redirect:/crew.html";
        }
        return roles.contains("ROLE_ADMIN") ? "redirect:/outages.html" : "redirect:/agent.html";
    }
}
