package org.hotline.workorder;

/**
 * An order as the crew app lists it: where its clock stands, where to go, and what the crew can do next.
 *
 * @param order    the order as lists show it (stage, deadline, time left)
 * @param address  the premises' address, or null
 * @param summary  what the caller reported, or null
 * @param crew     the crew unit's code it is assigned to
 * @param accepted whether this crew accepted it since it was assigned
 * @param next     what the crew can do next: accept, depart, arrive, done, or wait (the clock waits for the centre)
 * @param warning  a warning about the last request that was still recorded (a position outside China), or null
 */
public record CrewOrder(WorkOrderSummary order, String address, String summary, String crew, boolean accepted,
                        String next, String warning) {

    /** The same view with a warning. */
    public CrewOrder withWarning(String text) {
        return new CrewOrder(order, address, summary, crew, accepted, next, text);
    }
}
