package org.hotline.desktop.wallboard.internal;

import java.util.List;
import java.util.Map;
import org.hotline.cti.wallboard.WallboardService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The wallboard's 30-minute chart of calls waiting, from the server's samples: whole from the page's first frame. */
@RestController
class WaitingHistoryController {

    private final ObjectProvider<WallboardService> wallboard;

    WaitingHistoryController(ObjectProvider<WallboardService> wallboard) {
        this.wallboard = wallboard;
    }

    // no wallboard without AMI (hotline.ami.enabled=false): an empty chart
    @GetMapping("/api/supervisor/waiting-history")
    List<Map<String, Object>> waitingHistory() {
        WallboardService w = wallboard.getIfAvailable();
        return w == null ? List.of() : w.waitingHistory();
    }
}
