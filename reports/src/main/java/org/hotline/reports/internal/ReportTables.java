package org.hotline.reports.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotline.reports.AgentKpis;
import org.hotline.reports.AgentTime;
import org.hotline.reports.OutcomeCount;
import org.hotline.reports.QueueKpis;
import org.hotline.reports.QueueReport;
import org.hotline.reports.ReportRequest;

/**
 * Reports as tables for export, in Chinese or English (the terms of docs/kpis.md and the glossary): percentages to
 * one decimal, seconds to one decimal, periods in the report's time zone.
 */
public final class ReportTables {

    private ReportTables() {
    }

    /** The queue report: a row per period and queue, then the total. */
    public static ReportTable queues(QueueReport report, boolean zh) {
        ReportRequest request = report.request();
        List<QueueKpis> rows = new ArrayList<>(report.rows());
        rows.add(report.total());
        List<List<Object>> cells = rows.stream().map(k -> Arrays.<Object>asList(
                k.queue() == null ? (zh ? "合计" : "Total") : period(k.period(), request),
                k.queueName() == null ? (zh ? "全部队列" : "All queues") : k.queueName(),
                k.offered(), k.answered(), k.abandoned(), k.shortAbandoned(), k.timeouts(), k.transferred(),
                pct(k.abandonRate()), pct(k.serviceLevel()), k.serviceLevelSeconds(), sec(k.asaSeconds()),
                sec(k.avgWaitSeconds()), k.maxWaitSeconds(), sec(k.avgTalkSeconds()), sec(k.avgHoldSeconds()),
                sec(k.avgWrapUpSeconds()), sec(k.ahtSeconds()), k.callbacksRequested(), k.workOrders(), k.surveyed(),
                pct(k.satisfiedShare()), k.averageScore() == null ? null
                        : Math.round(k.averageScore() * 100) / 100.0)).toList();
        List<String> headers = zh
                ? List.of("时段", "队列", "呼入", "接听", "放弃", "短时放弃", "超时", "转接", "呼损率 %", "服务水平 %",
                        "服务水平 T 秒", "平均应答速度 秒", "平均等待 秒", "最长等待 秒", "平均通话时长 秒",
                        "平均保持 秒", "平均事后处理时长 秒", "平均处理时长 秒", "预约回拨", "工单", "满意度评价数",
                        "满意率 %", "平均评分")
                : List.of("Period", "Queue", "Offered", "Answered", "Abandoned", "Short abandons", "Timeouts",
                        "Transfers", "Abandon rate %", "Service level %", "Service level T s", "ASA s",
                        "Average wait s", "Longest wait s", "Average talk s", "Average hold s",
                        "Average after-call work s", "AHT s", "Callbacks requested", "Work orders", "Surveys",
                        "Satisfied %", "Average score");
        return new ReportTable(zh ? "队列" : "Queues", headers, cells);
    }

    /** The agent report ({@code teams} false) or the team report: a row per period and agent or team. */
    public static ReportTable people(List<AgentKpis> rows, ReportRequest request, boolean teams, boolean zh) {
        List<List<Object>> cells = rows.stream().map(a -> Arrays.<Object>asList(period(a.period(), request),
                teams ? (a.team() != null ? a.team() : zh ? "（未分班组）" : "(no team)")
                        : (a.agentName() != null ? a.agentName() : a.agentInterface()),
                a.team(), a.answered(), a.transferred(), sec(a.avgTalkSeconds()), sec(a.avgHoldSeconds()),
                sec(a.avgWrapUpSeconds()), sec(a.ahtSeconds()))).toList();
        List<String> headers = zh
                ? List.of("时段", teams ? "班组" : "坐席", "班组", "坐席业务量（接听）", "转接", "平均通话时长 秒",
                        "平均保持 秒", "平均事后处理时长 秒", "平均处理时长 秒")
                : List.of("Period", teams ? "Team" : "Agent", "Team", "Calls answered", "Transfers",
                        "Average talk s", "Average hold s", "Average after-call work s", "AHT s");
        String title = zh ? (teams ? "班组" : "坐席") : (teams ? "Teams" : "Agents");
        return new ReportTable(title, headers, cells);
    }

    /** How agents spent each period: a row per period and agent, pauses by reason in one column. */
    public static ReportTable agentTime(List<AgentTime> rows, ReportRequest request, boolean zh) {
        List<List<Object>> cells = rows.stream().map(a -> Arrays.<Object>asList(period(a.period(), request),
                a.agentName() != null ? a.agentName() : a.agentInterface(), a.team(), a.readySeconds(),
                a.ringingSeconds(), a.talkingSeconds(), a.wrapUpSeconds(), a.pausedSeconds(),
                String.join("; ", a.pausedByReason().entrySet().stream()
                        .map(e -> (e.getKey().isEmpty() ? (zh ? "未注明" : "none") : e.getKey()) + " " + e.getValue())
                        .toList()), pct(a.occupancy()))).toList();
        List<String> headers = zh
                ? List.of("时段", "坐席", "班组", "就绪 秒", "振铃 秒", "通话 秒", "事后处理 秒", "置忙 秒", "置忙原因 秒",
                        "占用率 %")
                : List.of("Period", "Agent", "Team", "Ready s", "Ringing s", "Talking s", "After-call work s", "Paused s",
                        "Paused by reason s", "Occupancy %");
        return new ReportTable(zh ? "坐席时间" : "Agent time", headers, cells);
    }

    /** The call outcomes: a row per queue, agent and outcome over the whole range. */
    public static ReportTable outcomes(List<OutcomeCount> rows, ReportRequest request, boolean zh) {
        List<List<Object>> cells = rows.stream().map(o -> Arrays.<Object>asList(request.from() + " – " + request.to(),
                o.queueName(), o.agentName() != null ? o.agentName() : o.agentInterface(), o.code(),
                zh ? o.zh() : o.en(), o.calls())).toList();
        List<String> headers = zh ? List.of("时段", "队列", "坐席", "代码", "通话结果", "通话数")
                : List.of("Period", "Queue", "Agent", "Code", "Call outcome", "Calls");
        return new ReportTable(zh ? "通话结果" : "Call outcomes", headers, cells);
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

    private static Object pct(Double ratio) {
        return ratio == null ? null : Math.round(ratio * 1000) / 10.0;
    }

    private static Object sec(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 10) / 10.0;
    }
}
