package org.hotline.desktop.wallboard.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The big-screen wallboard is the supervisor page in big mode (wallboard.js reads the path), not a second page. */
@Controller
class BigScreenController {

    @GetMapping("/wallboard.html")
    String bigScreen() {
        return "forward:/supervisor.html";
    }
}
