package org.hotline.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Queue, agent and team reports over any range, read from the 15-minute rollups (never from the call records
 * themselves, so a month of a large hotline is a few tens of thousands of rows), with the KPIs of docs/kpis.md.
 */
public final class Reports {

    private static final String QUEUE_SUMS = """
            sum(offered), sum(answered), sum(abandoned), sum(short_abandoned), sum(timeouts), sum(unanswered),
            sum(transferred), sum(answered_within_t), sum(abandoned_within_t), sum(wait_answered_seconds),
            sum(wait_abandoned_seconds), sum(wait_all_seconds), max(max_wait_seconds), sum(talk_seconds),
            sum(hold_seconds), sum(wrapup_seconds), sum(wrapups), max(service_level_seconds),
            sum(callbacks_requested), sum(work_orders), sum(surveyed), sum(satisfied), sum(score_sum)
            """;

    private final JdbcTemplate jdbc;
    private final ReportsProperties properties;

    /** Reports over {@code dataSource}'s rollups. */
    public Reports(DataSource dataSource, ReportsProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.properties = properties;
    }

    /** A row per period and queue, and the total of all queues over the whole range. */
    public QueueReport queues(ReportRequest request) {
        Map<String, String> names = queueNames();
        List<Object> args = new ArrayList<>(periodArgs(request));
        args.add(Timestamp.from(request.start()));
        args.add(Timestamp.from(request.end()));
        String filter = "";
        if (!request.queues().isEmpty()) {
            filter = " and queue = any(?)";
            args.add(request.queues().toArray(String[]::new));
        }
        List<QueueKpis> rows = new ArrayList<>();
        QueueSums total = new QueueSums();
        jdbc.query("select " + period(request) + ", queue, " + QUEUE_SUMS
                + " from call_rollups where bucket >= ? and bucket < ?" + filter + " group by 1, 2 order by 1, 2",
                rs -> {
                    QueueSums sums = QueueSums.read(rs, 3);
                    total.add(sums);
                    String queue = rs.getString(2);
                    rows.add(sums.kpis(rs.getTimestamp(1).toInstant(), queue, names.getOrDefault(queue, queue),
                            request.rule()));
                }, args.toArray());
        ServiceLevelRule rule = request.rule();
        return new QueueReport(request, rule.formula(), rule.formulaZh(), (int) properties.shortAbandon().toSeconds(),
                rows, total.kpis(request.start(), null, null, rule));
    }

    /** A row per period and answering agent (phone), with the account's name and team when known. */
    public List<AgentKpis> agents(ReportRequest request) {
        return agents(request, AgentFilter.EVERYONE);
    }

    /** A row per period and answering agent the filter keeps. */
    public List<AgentKpis> agents(ReportRequest request, AgentFilter filter) {
        return byAgent(request, filter, "a.agent_interface, max(u.display_name), max(t.name)", "1, 2");
    }

    /** A row per period and team (agents in no team together, team null), from the same rollups as the agents. */
    public List<AgentKpis> teams(ReportRequest request) {
        return teams(request, AgentFilter.EVERYONE);
    }

    /** A row per period and team, of the agents the filter keeps. */
    public List<AgentKpis> teams(ReportRequest request, AgentFilter filter) {
        return byAgent(request, filter, "null, null, t.name", "1, 4");
    }

    /** What the IVR did in the range: runs per script and outcome, the 20 most taken paths, the IVR-only calls. */
    public IvrFigures ivr(ReportRequest request) {
        Timestamp start = Timestamp.from(request.start());
        Timestamp end = Timestamp.from(request.end());
        List<IvrFigures.Script> scripts = jdbc.query("""
                select script, count(*), count(*) filter (where outcome = 'completed'),
                       count(*) filter (where outcome = 'hung_up'), count(*) filter (where outcome = 'fallback')
                from ivr_runs where started_at >= ? and started_at < ? group by script order by count(*) desc""",
                (rs, i) -> new IvrFigures.Script(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)), start, end);
        List<IvrFigures.Path> paths = jdbc.query("""
                select script, path, count(*) from ivr_runs where started_at >= ? and started_at < ? and path <> ''
                group by script, path order by count(*) desc, script, path limit 20""",
                (rs, i) -> new IvrFigures.Path(rs.getString(1), rs.getString(2), rs.getLong(3)), start, end);
        Long ivrOnly = jdbc.queryForObject("select count(*) from calls where outcome = 'ivr_only' and queue is null"
                + " and started_at >= ? and started_at < ?", Long.class, start, end);
        return new IvrFigures(scripts, paths, ivrOnly == null ? 0 : ivrOnly);
    }

    /**
     * How each agent spent each period of the range (states and pauses by reason, occupancy), from the stretches that
     * overlap it, cut at the period's ends; stretches that began more than a week before the range are not looked at.
     */
    public List<AgentTime> agentTime(ReportRequest request) {
        return agentTime(request, AgentFilter.EVERYONE);
    }

    /** How the agents the filter keeps spent each period of the range. */
    public List<AgentTime> agentTime(ReportRequest request, AgentFilter filter) {
        Timestamp start = Timestamp.from(request.start());
        Timestamp end = Timestamp.from(request.end());
        String zone = request.zone().getId();
        // the periods as local times, turned into instants in the query (days and months follow the zone's clock)
        String step = switch (request.interval()) {
            case QUARTER_HOUR -> "15 minutes";
            case HOUR -> "1 hour";
            case DAY -> "1 day";
            case WEEK -> "1 week";
            case MONTH -> "1 month";
            case TOTAL -> null;
        };
        String periods = step == null
                ? "select ?::timestamptz as ps, ?::timestamptz as pe"
                : "select g at time zone '" + zone + "' as ps, (g + interval '" + step + "') at time zone '" + zone
                        + "' as pe from generate_series(date_trunc('" + truncUnit(request) + "', ?::timestamptz"
                        + " at time zone '" + zone + "'), (?::timestamptz at time zone '" + zone
                        + "') - interval '1 microsecond', interval '" + step + "') g";
        List<Object> args = new ArrayList<>(List.of(start, end, end, start, end, start, start));
        String filterSql = filter.sql(args);
        Map<List<Object>, long[]> seconds = new java.util.LinkedHashMap<>();
        Map<String, String[]> who = new HashMap<>();
        Map<List<Object>, Map<String, Long>> reasons = new HashMap<>();
        jdbc.query("with p as (" + periods + ") "
                + """
                select p.ps, a.agent_interface, max(u.display_name), max(t.name), a.state, coalesce(a.reason, ''),
                       sum(extract(epoch from least(a.ended_at, p.pe, ?) - greatest(a.started_at, p.ps, ?)))::bigint
                from p join agent_intervals a on a.started_at < p.pe and a.ended_at > p.ps
                left join users u on u.id = a.agent_id left join teams t on t.id = u.team_id
                where a.started_at < ? and a.ended_at > ? and a.started_at > ?::timestamptz - interval '7 days'
                """ + filterSql + " group by p.ps, a.agent_interface, a.state, 6 order by p.ps, a.agent_interface",
                rs -> {
            String agent = rs.getString(2);
            List<Object> key = List.of(rs.getTimestamp(1).toInstant(), agent);
            who.put(agent, new String[] {rs.getString(3), rs.getString(4)});
            long[] sum = seconds.computeIfAbsent(key, k -> new long[5]);
            long n = Math.max(0, rs.getLong(7));
            switch (rs.getString(5)) {
                case "ready" -> sum[0] += n;
                case "ringing" -> sum[1] += n;
                case "talking" -> sum[2] += n;
                case "wrapup" -> sum[3] += n;
                case "paused" -> {
                    sum[4] += n;
                    reasons.computeIfAbsent(key, k -> new TreeMap<>()).merge(rs.getString(6), n, Long::sum);
                }
                default -> {
                }
            }
        }, args.toArray());
        List<AgentTime> rows = new ArrayList<>();
        seconds.forEach((key, sum) -> {
            String agent = (String) key.get(1);
            long available = sum[0] + sum[1] + sum[2] + sum[3];
            rows.add(new AgentTime((Instant) key.get(0), agent, who.get(agent)[0], who.get(agent)[1], sum[0], sum[1],
                    sum[2], sum[3], sum[4], reasons.getOrDefault(key, Map.of()),
                    available == 0 ? null : (double) (sum[2] + sum[3]) / available));
        });
        return rows;
    }

    private static String truncUnit(ReportRequest request) {
        return request.interval() == ReportInterval.QUARTER_HOUR ? "hour" : request.interval().truncUnit();
    }

    private List<AgentKpis> byAgent(ReportRequest request, AgentFilter agents, String who, String groupBy) {
        List<Object> args = new ArrayList<>(periodArgs(request));
        args.add(Timestamp.from(request.start()));
        args.add(Timestamp.from(request.end()));
        String filter = "";
        if (!request.queues().isEmpty()) {
            filter = " and a.queue = any(?)";
            args.add(request.queues().toArray(String[]::new));
        }
        filter += agents.sql(args);
        List<AgentKpis> rows = new ArrayList<>();
        jdbc.query("select " + period(request).replace("bucket", "a.bucket") + ", " + who + ","
                + " sum(a.answered), sum(a.transferred), sum(a.talk_seconds), sum(a.hold_seconds),"
                + " sum(a.wrapup_seconds), sum(a.wrapups)"
                + " from call_rollup_agents a left join users u on u.id = a.agent_id"
                + " left join teams t on t.id = u.team_id"
                + " where a.bucket >= ? and a.bucket < ?" + filter + " group by " + groupBy
                + " order by " + groupBy + " nulls last", rs -> {
                    rows.add(agent(rs));
                }, args.toArray());
        return rows;
    }

    private static AgentKpis agent(ResultSet rs) throws SQLException {
        long answered = rs.getLong(5);
        long talk = rs.getLong(7);
        long hold = rs.getLong(8);
        long wrap = rs.getLong(9);
        long wrapups = rs.getLong(10);
        return new AgentKpis(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                answered, rs.getLong(6), talk, per(talk, answered), per(hold, answered), per(wrap, wrapups),
                per(talk + hold + wrap, answered));
    }

    /** {@code username}'s figures on {@code day} (in the reports' zone), beside the own team's. */
    public MyFigures myDay(String username, LocalDate day) {
        ReportRequest request = new ReportRequest(day, day, properties.zone(), ReportInterval.TOTAL, List.of(),
                properties.serviceLevelRule());
        AgentFilter me = new AgentFilter(List.of(username), List.of());
        long calls = 0;
        long handling = 0;
        for (AgentKpis a : agents(request, me)) {
            calls += a.answered();
            handling += a.ahtSeconds() == null ? 0 : Math.round(a.ahtSeconds() * a.answered());
        }
        long paused = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (AgentTime t : agentTime(request, me)) {
            paused += t.pausedSeconds();
            t.pausedByReason().forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
        }
        String team = jdbc.query("select t.name from users u join teams t on t.id = u.team_id where u.username = ?",
                rs -> rs.next() ? rs.getString(1) : null, username);
        Integer agents = null;
        Double perAgent = null;
        Double teamAht = null;
        if (team != null) {
            agents = jdbc.queryForObject("""
                    select count(*) from users u join teams t on t.id = u.team_id
                    where t.name = ? and u.enabled and u.role in ('AGENT', 'TEAM_LEAD')""", Integer.class, team);
            List<AgentKpis> teamRows = teams(request, new AgentFilter(List.of(), List.of(team)));
            long teamCalls = teamRows.stream().mapToLong(AgentKpis::answered).sum();
            perAgent = agents == null || agents == 0 ? null : (double) teamCalls / agents;
            teamAht = teamRows.isEmpty() ? null : teamRows.get(0).ahtSeconds();
        }
        return new MyFigures(day, calls, per(handling, calls), paused, reasons, team, agents, perAgent, teamAht);
    }

    /** The teams' names, in order. */
    public List<String> teamNames() {
        return jdbc.queryForList("select name from teams order by name", String.class);
    }

    /** Every queue configured or reported on, by name, with its display name, in name order. */
    public Map<String, String> queueNames() {
        Map<String, String> names = new TreeMap<>();
        jdbc.query("select distinct queue, queue from call_rollups", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        jdbc.query("select name, display_name from queues", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    // the period a rollup row falls in: its own 15 minutes, the range's start, or the truncated local time
    private static String period(ReportRequest request) {
        return switch (request.interval()) {
            case QUARTER_HOUR -> "bucket";
            case TOTAL -> "?::timestamptz";
            default -> "date_trunc(?, bucket at time zone ?) at time zone ?";
        };
    }

    private static List<Object> periodArgs(ReportRequest request) {
        return switch (request.interval()) {
            case QUARTER_HOUR -> List.of();
            case TOTAL -> List.of(Timestamp.from(request.start()));
            default -> List.of(request.interval().truncUnit(), request.zone().getId(), request.zone().getId());
        };
    }

    static Double per(long total, long count) {
        return count <= 0 ? null : (double) total / count;
    }
}
