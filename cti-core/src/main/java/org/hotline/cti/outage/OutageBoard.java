package org.hotline.cti.outage;

import java.util.List;

/**
 * The supervisor's big-screen summary: the outages active now, the distinct customers beneath any of them, and the
 * calls of the last hour from customers in an affected area.
 */
public record OutageBoard(List<OutageView> outages, long customersAffected, long callsFromAffectedAreasLastHour) {

    /** Copies the list. */
    public OutageBoard {
        outages = List.copyOf(outages);
    }
}
