package org.hotline.desktop.security.internal;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends the site's root to the page of the user's role: agents to their desktop, supervisors and admins to theirs. */
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
        return roles.contains("ROLE_ADMIN") ? "redirect:/outages.html" : "redirect:/agent.html";
    }
}
