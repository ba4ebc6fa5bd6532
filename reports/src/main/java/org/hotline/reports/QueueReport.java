package org.hotline.reports;

import java.util.List;

/** A queue report: what was asked, the service-level rule it used, a row per period and queue, and the total. */
public record QueueReport(ReportRequest request, String serviceLevelFormula, String serviceLevelFormulaZh,
                          int shortAbandonSeconds, List<QueueKpis> rows, QueueKpis total) {
}
