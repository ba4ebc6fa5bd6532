package org.hotline.reports.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jakarta.servlet.http.HttpServletResponse;
import org.hotline.reports.AgentKpis;
import org.hotline.reports.QueueKpis;
import org.hotline.reports.QueueReport;
import org.hotline.reports.ReportRequest;
import org.hotline.reports.ReportRequestException;
import org.hotline.reports.Reports;
import org.hotline.reports.ReportsProperties;
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

    ReportsController(Reports reports, ReportsProperties properties) {
        this.reports = reports;
        this.properties = properties;
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
        boolean zh = !lang.equals("en");
        List<QueueKpis> rows = new ArrayList<>(report.rows());
        rows.add(report.total());
        List<List<Object>> cells = rows.stream().map(k -> Arrays.<Object>asList(
                k.queue() == null ? (zh ? "合计" : "Total") : period(k.period(), request), name(k.queueName(), zh),
                k.offered(), k.answered(), k.abandoned(), k.shortAbandoned(), k.timeouts(), k.transferred(),
                pct(k.abandonRate()), pct(k.serviceLevel()), k.serviceLevelSeconds(), sec(k.asaSeconds()),
                sec(k.avgWaitSeconds()), k.maxWaitSeconds(), sec(k.avgTalkSeconds()), sec(k.avgHoldSeconds()),
                sec(k.avgWrapUpSeconds()), sec(k.ahtSeconds()))).toList();
        List<String> headers = zh
                ? List.of("时段", "队列", "呼入", "接听", "放弃", "短时放弃", "超时", "转接", "呼损率 %", "服务水平 %",
                        "服务水平 T 秒", "平均应答速度 秒", "平均等待 秒", "最长等待 秒", "平均通话时长 秒", "平均保持 秒",
                        "平均事后处理时长 秒", "平均处理时长 秒")
                : List.of("Period", "Queue", "Offered", "Answered", "Abandoned", "Short abandons", "Timeouts",
                        "Transfers", "Abandon rate %", "Service level %", "Service level T s", "ASA s",
                        "Average wait s", "Longest wait s", "Average talk s", "Average hold s",
                        "Average after-call work s", "AHT s");
        export(new ReportTable(zh ? "队列报表" : "Queues", headers, cells), format, "queues", request, response);
        return null;
    }

    @GetMapping("/queue-names")
    List<Map<String, String>> queueNames() {
        return reports.queueNames().entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "displayName", e.getValue())).toList();
    }

    @GetMapping("/agents")
    ResponseEntity<?> agents(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String interval,
                             @RequestParam(name = "queue", required = false) List<String> queues,
                             @RequestParam(required = false) String zone,
                             @RequestParam(defaultValue = "json") String format,
                             @RequestParam(defaultValue = "zh") String lang, HttpServletResponse response)
            throws IOException {
        ReportRequest request = ReportRequest.parse(from, to, zone, interval, queues, null, properties);
        return people(reports.agents(request), request, format, lang, "agents", response,
                a -> a.agentName() != null ? a.agentName() : a.agentInterface());
    }

    @GetMapping("/teams")
    ResponseEntity<?> teams(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String interval,
                            @RequestParam(name = "queue", required = false) List<String> queues,
                            @RequestParam(required = false) String zone,
                            @RequestParam(defaultValue = "json") String format,
                            @RequestParam(defaultValue = "zh") String lang, HttpServletResponse response)
            throws IOException {
        ReportRequest request = ReportRequest.parse(from, to, zone, interval, queues, null, properties);
        boolean zh = !lang.equals("en");
        return people(reports.teams(request), request, format, lang, "teams", response,
                a -> a.team() != null ? a.team() : zh ? "（未分班组）" : "(no team)");
    }

    private ResponseEntity<?> people(List<AgentKpis> rows, ReportRequest request, String format, String lang,
                                     String file, HttpServletResponse response, Function<AgentKpis, String> who)
            throws IOException {
        if (format.equals("json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("request", request);
            body.put("rows", rows);
            return ResponseEntity.ok(body);
        }
        boolean zh = !lang.equals("en");
        List<List<Object>> cells = rows.stream().map(a -> (List<Object>) new ArrayList<Object>(Arrays.asList(
                period(a.period(), request), who.apply(a), a.team(), a.answered(), a.transferred(),
                sec(a.avgTalkSeconds()), sec(a.avgHoldSeconds()), sec(a.avgWrapUpSeconds()), sec(a.ahtSeconds()))))
                .toList();
        List<String> headers = zh
                ? List.of("时段", file.equals("teams") ? "班组" : "坐席", "班组", "坐席业务量（接听）", "转接",
                        "平均通话时长 秒", "平均保持 秒", "平均事后处理时长 秒", "平均处理时长 秒")
                : List.of("Period", file.equals("teams") ? "Team" : "Agent", "Team", "Calls answered", "Transfers",
                        "Average talk s", "Average hold s", "Average after-call work s", "AHT s");
        String title = zh ? (file.equals("teams") ? "班组报表" : "坐席报表") : (file.equals("teams") ? "Teams" : "Agents");
        export(new ReportTable(title, headers, cells), format, file, request, response);
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

    private static String period(Instant at, ReportRequest request) {
        ZoneId zone = request.zone();
        return switch (request.interval()) {
            case QUARTER_HOUR, HOUR -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(at);
            case MONTH -> DateTimeFormatter.ofPattern("yyyy-MM").withZone(zone).format(at);
            case TOTAL -> request.from() + " – " + request.to();
            default -> DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone).format(at);
        };
    }

    private static String name(String queueName, boolean zh) {
        return queueName == null ? (zh ? "全部队列" : "All queues") : queueName;
    }

    private static Object pct(Double ratio) {
        return ratio == null ? null : Math.round(ratio * 1000) / 10.0;
    }

    private static Object sec(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 10) / 10.0;
    }
}
