package org.hotline.server.testing;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hotline.workorder.CreateWorkOrder;
import org.hotline.workorder.Point;
import org.hotline.workorder.PointSource;
import org.hotline.workorder.WorkOrders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A repair centre with one team and two crews, and premises it serves, for crew-app tests on the shared server
 * (codes get a suffix, so every test class has its own and no other test's orders are touched).
 */
public final class CrewTestNetwork {

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** The repair centre's code. */
    public final String centre;
    /** The team's code. */
    public final String team;
    /** The first crew's code. */
    public final String crew;
    /** The second crew's code. */
    public final String otherCrew;
    /** The premises' address, as the crew page shows it. */
    public final String address;

    private final JdbcTemplate jdbc;
    private final long premises;

    /** Creates the network in {@code dataSource}. */
    public CrewTestNetwork(DataSource dataSource) {
        jdbc = new JdbcTemplate(dataSource);
        String s = ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        centre = "CR" + s;
        team = "CT" + s;
        crew = "CC" + s;
        otherCrew = "CD" + s;
        address = "杭州市体育场路" + NEXT.get() + "号";
        long centreId = id("insert into repair_centres (code, name, phone) values (?, '城北抢修中心', '0571-3') "
                + "returning id", centre);
        long sub = id("insert into substations (code, name) values (?, '北站') returning id", "CS" + s);
        long line = id("insert into feeder_lines (code, name, substation_id, repair_centre_id) values (?, '北1线', ?, ?) "
                + "returning id", "CL" + s, sub, centreId);
        long area = id("insert into transformer_areas (code, name, feeder_line_id) values (?, '体育场路', ?) returning id",
                "CA" + s, line);
        long addr = id("insert into addresses (full_text) values (?) returning id", address);
        premises = id("insert into premises (address_id, transformer_area_id) values (?, ?) returning id", addr, area);
        long teamId = id("insert into work_order_units (code, name, kind, repair_centre_id) values (?, '抢修三班', 'team', ?) "
                + "returning id", team, centreId);
        jdbc.update("insert into work_order_units (code, name, kind, repair_centre_id, parent_id) values "
                + "(?, '抢修三班一组', 'crew', ?, ?), (?, '抢修三班二组', 'crew', ?, ?)", crew, centreId, teamId, otherCrew,
                centreId, teamId);
    }

    /** A new repair order on the premises, routed to the team (points A to D recorded), with no crew yet. */
    public long orderAtTeam(WorkOrders orders, String summary) {
        long id = orders.create(new CreateWorkOrder("repair", null, null, premises, "13812345678", summary, null, null,
                true, "agent1001", PointSource.DESK)).id();
        orders.recordPoint(id, Point.B, null, "agent1001", PointSource.DESK, null, null);
        orders.recordPoint(id, Point.C, null, "supervisor", PointSource.DESK, null, null);
        orders.recordPoint(id, Point.D, null, "supervisor", PointSource.DESK, team, null);
        return id;
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
