package org.hotline.cti.network;

import java.util.List;
import org.hotline.cti.outage.OutageView;

/**
 * One lookup hit for an agent: an area, a line or a customer, where it sits in the network, who answers for it, and
 * its open outages ({@code type} is {@code area}, {@code line} or {@code customer}).
 */
public record LookupResult(String type, String code, String name, String initials, String lineCode, String lineName,
                           String areaCode, String areaName, String customerNo, RepairCentre repairCentre,
                           String responsiblePerson, String responsiblePhone, List<OutageView> outages) {

    /** Copies the list. */
    public LookupResult {
        outages = List.copyOf(outages);
    }
}
