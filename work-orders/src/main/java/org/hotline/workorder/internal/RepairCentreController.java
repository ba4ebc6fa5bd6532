package org.hotline.workorder.internal;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The repair centres an order can be routed to, for the dispatcher page's re-route choice and its unit names (the
 * network API that lists them is for administrators only).
 */
@RestController
@PreAuthorize(WorkOrderAccess.USERS)
class RepairCentreController {

    private final JdbcTemplate jdbc;

    RepairCentreController(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A repair centre: its code (what re-route takes) and what users read. */
    record RepairCentre(String code, String name) {
    }

    @GetMapping("/api/work-orders/repair-centres")
    List<RepairCentre> repairCentres() {
        return jdbc.query("select code, name from repair_centres order by code",
                (rs, n) -> new RepairCentre(rs.getString(1), rs.getString(2)));
    }
}
