package org.hotline.reports.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.reports.AgentFilter;
import org.hotline.reports.AgentKpis;
import org.hotline.reports.AgentTime;
import org.hotline.reports.IvrFigures;
import org.hotline.reports.MyFigures;
import org.hotline.reports.OutcomeCount;
import org.hotline.reports.OutcomeReport;
import org.hotline.reports.QueueReport;
import org.hotline.reports.ReportRequest;
import org.hotline.reports.ReportRequestException;
import org.hotline.reports.Reports;
import org.hotline.reports.ReportsProperties;
import org.hotline.reports.internal.ReportTable;
import org.hotline.reports.internal.ReportTables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queue, agent and team reports as JSON for the page, or as CSV or XLSX ({@code format}) with headers in the asked
 * language ({@code lang=zh|en}); the URL rules let team leads, supervisors and administrators in.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    private final Reports reports;
    private final ReportsProperties properties;
    private final OutcomeReport outcomes;

    ReportsController(Reports reports, ReportsProperties properties, OutcomeReport outcomes) {
        this.reports = reports;
        this.properties = properties;
        this.outcomes = outcomes;
    }

    @GetMapping("/queues")
    ResponseEntity<?> queues(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String interval,
                             @RequestParam(name = "queue", required = false) List<String> queues,
                             @RequestParam(required = false) String zone, @RequestParam(required = false) String rule,
                             @RequestParam(defaultValue = "json") String format,
                             @RequestParam(defaultValue = "zh") String lang, HttpServletResponse response)
            throws IOException {
        ReportRequest request = ReportRequest.parse(from, to, zone, interval, queues, rule, properties);
        QueueReport report = reports.queues(request);
        if (format.equals("json")) {
            return ResponseEntity.ok(report);
        }
        export(ReportTables.queues(report, !lang.equals("en")), format, "queues", request, response);
        return null;
    }

    /** The signed-in agent's own figures today (the URL rules let the desk's roles in). */
    @GetMapping("/me")
    MyFigures me(java.security.Principal user) {
        return reports.myDay(user.getName(), java.time.LocalDate.now(properties.zone()));
    }

    @GetMapping("/team-names")
    List<String> teamNames() {
        return reports.teamNames();
    }

    @GetMapping("/queue-names")
    List<Map<String, String>> queueNames() {
        return reports.queueNames().entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "displayName", e.getValue())).toList();
    }

    @GetMapping({"/agents", "/teams"})
    ResponseEntity<?> people(HttpServletRequest http, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String interval,
                             @RequestParam(name = "queue", required = false) List<String> queues,
                             @RequestParam(name = "agent", required = false) List<String> agents,
                             @RequestParam(name = "team", required = false) List<String> teams,
                             @RequestParam(required = false) String zone,
                             @RequestParam(defaultValue = "json") String format,
                             @RequestParam(defaultValue = "zh") String lang, HttpServletResponse response)
            throws IOException {
        ReportRequest request = ReportRequest.parse(from, to, zone, interval, queues, null, properties);
        AgentFilter filter = new AgentFilter(agents, teams);
        boolean byTeam = http.getRequestURI().endsWith("/teams");
        return people(byTeam ? reports.teams(request, filter) : reports.agents(request, filter), request, byTeam,
                format, lang, response);
    }

    @GetMapping("/agent-time")
    ResponseEntity<?> agentTime(@RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String interval,
                                @RequestParam(name = "agent", required = false) List<String> agents,
                                @RequestParam(name = "team", required = false) List<String> teams,
                                @RequestParam(required = false) String zone,
                                @RequestParam(defaultValue = "json") String format,
                                @RequestParam(defaultValue = "zh") String lang, HttpServletResponse response)
            throws IOException {
        ReportRequest request = ReportRequest.parse(from, to, zone, interval == null ? "total" : interval, null,
                null, properties);
        List<AgentTime> rows = reports.agentTime(request, new AgentFilter(agents, teams));
        if (format.equals("json")) {
            return ResponseEntity.ok(rows);
        }
        export(ReportTables.agentTime(rows, request, !lang.equals("en")), format, "agent-time", request, response);
        return null;
    }

    /** The call outcomes per queue and agent over the whole range (ADR 0036). */
    @GetMapping("/outcomes")
    ResponseEntity<?> outcomes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(name = "queue", required = false) List<String> queues,
                               @RequestParam(name = "agent", required = false) List<String> agents,
                               @RequestParam(name = "team", required = false) List<String> teams,
                               @RequestParam(required = false) String zone,
                               @RequestParam(defaultValue = "json") String format,
                               @RequestParam(defaultValue = "zh") String lang, HttpServletResponse response)
            throws IOException {
        ReportRequest request = ReportRequest.parse(from, to, zone, "total", queues, null, properties);
        List<OutcomeCount> rows = outcomes.counts(request, new AgentFilter(agents, teams));
        if (format.equals("json")) {
            return ResponseEntity.ok(rows);
        }
        export(ReportTables.outcomes(rows, request, !lang.equals("en")), format, "outcomes", request, response);
        return null;
    }

    @GetMapping("/ivr")
    IvrFigures ivr(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String zone) {
        return reports.ivr(ReportRequest.parse(from, to, zone, "total", null, null, properties));
    }

    private static ResponseEntity<?> people(List<AgentKpis> rows, ReportRequest request, boolean teams,
                                            String format, String lang, HttpServletResponse response)
            throws IOException {
        if (format.equals("json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("request", request);
            body.put("rows", rows);
            return ResponseEntity.ok(body);
        }
        export(ReportTables.people(rows, request, teams, !lang.equals("en")), format, teams ? "teams" : "agents",
                request, response);
        return null;
    }

    private static void export(ReportTable table, String format, String file, ReportRequest request,
                               HttpServletResponse response) throws IOException {
        String name = "hotline-" + file + "-" + request.from() + "-" + request.to();
        switch (format) {
            case "csv" -> {
                response.setContentType("text/csv;charset=UTF-8");
                response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
                table.csv(response.getOutputStream());
            }
            case "xlsx" -> {
                response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
                table.xlsx(response.getOutputStream());
            }
            default -> throw new ReportRequestException("format: '" + format + "' (expected: json, csv or xlsx)");
        }
    }
}
