package org.hotline.desktop.security.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends the site's root to the agent page (which sends strangers to the login page). */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/agent.html";
    }
}
