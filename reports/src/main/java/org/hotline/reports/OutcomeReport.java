package org.hotline.reports;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The call outcomes over a range (ADR 0036): a count per queue, agent and outcome, read from {@code call_dispositions}
 * (one row per call and agent, far fewer than the calls' events), retired outcomes with their labels too.
 */
public final class OutcomeReport {

    /** The code of a wrap-up that ended without an outcome. */
    public static final String NONE = "none";

    private final JdbcTemplate jdbc;
    private final Reports reports;

    /** The outcome counts in {@code dataSource}; queue names as {@code reports} gives them. */
    public OutcomeReport(DataSource dataSource, Reports reports) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.reports = reports;
    }

    /** A row per queue, agent and outcome recorded in the range, for the request's queues and the filter's agents. */
    public List<OutcomeCount> counts(ReportRequest request, AgentFilter filter) {
        Map<String, String> names = reports.queueNames();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(request.start()), Timestamp.from(request.end())));
        String where = "";
        if (!request.queues().isEmpty()) {
            where = " and a.queue = any(?)";
            args.add(request.queues().toArray(String[]::new));
        }
        where += filter.sql(args);
        return jdbc.query("""
                select a.queue, a.agent_interface, max(u.display_name), a.code, max(c.label_zh), max(c.label_en),
                       count(*)
                from call_dispositions a left join disposition_codes c on c.code = a.code
                left join users u on u.id = a.agent_id left join teams t on t.id = u.team_id
                where a.recorded_at >= ? and a.recorded_at < ?""" + where + """

                group by a.queue, a.agent_interface, a.code
                order by a.queue, a.agent_interface, min(coalesce(c.position, 100000)), a.code""", (rs, n) -> {
            String queue = rs.getString(1);
            String code = rs.getString(4);
            boolean none = NONE.equals(code);
            return new OutcomeCount(queue, queue == null ? null : names.getOrDefault(queue, queue), rs.getString(2),
                    rs.getString(3), code, none ? "未选择" : label(rs.getString(5), code),
                    none ? "None chosen" : label(rs.getString(6), code), rs.getLong(7));
        }, args.toArray());
    }

    private static String label(String label, String code) {
        return label == null ? code : label;
    }
}
