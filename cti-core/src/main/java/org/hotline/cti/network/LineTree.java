package org.hotline.cti.network;

import java.util.List;
import org.hotline.cti.outage.OutageView;

/**
 * A feeder line with its transformer areas and, under each, the key and high-risk customers to call ahead of an
 * outage; outages are the open ones (line-wide on the line; on an area its own plus the line's).
 */
public record LineTree(String code, String name, String substation, RepairCentre repairCentre,
                       List<OutageView> outages, List<AreaNode> areas) {

    /** Copies the lists. */
    public LineTree {
        outages = List.copyOf(outages);
        areas = List.copyOf(areas);
    }

    /** One area of the line. */
    public record AreaNode(String code, String name, String responsiblePerson, String responsiblePhone,
                           RepairCentre repairCentre, List<OutageView> outages, long customerCount,
                           List<Flagged> flagged) {

        /** Copies the lists. */
        public AreaNode {
            outages = List.copyOf(outages);
            flagged = List.copyOf(flagged);
        }
    }

    /** A key-account or high-risk customer with an open account in the area, and the number to call. */
    public record Flagged(String customerNo, String name, boolean keyAccount, boolean highRisk, String phone) {
    }
}
