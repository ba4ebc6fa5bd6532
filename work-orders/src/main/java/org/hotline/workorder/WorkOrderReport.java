package org.hotline.workorder;

import java.util.List;

/**
 * How the repair clock went for the orders opened in a range (issue #15): per type and stage, how many ended, the
 * median and 90th-percentile time, the share within the limit; per type, the promise (from the first point to the
 * last) kept, broken or still open; and the minutes lost per responsible unit: stages over their limit (the time past
 * the deadline, charged to the stage's party and the order's unit of that party) and wrong routings (the time
 * charged by the re-route).
 */
public record WorkOrderReport(int orders, List<StageFigures> stages, List<PromiseFigures> promises,
                              List<LostTime> lost) {

    /** One type's stage: its count of ended stages, median and p90 seconds, share within its limit (null: none). */
    public record StageFigures(String type, String typeLabel, Point from, Point to, String name, Party party,
                               int ended, Long medianSeconds, Long p90Seconds, Double withinLimitShare) {
    }

    /** One type's promise: orders with one, kept (last point by the deadline), broken, not finished yet. */
    public record PromiseFigures(String type, String typeLabel, int orders, int kept, int broken, int open) {
    }

    /** Minutes lost by one responsible party and unit (hotline, a repair centre, a team or crew code). */
    public record LostTime(Party party, String unit, long minutes, int stages) {
    }
}
