package org.hotline.workorder.internal;

/** Who may call the work-order APIs, as {@code @PreAuthorize} expressions (docs/adr/0024). */
final class WorkOrderAccess {

    /** Everyone who opens, follows or routes orders: the desk's roles and dispatchers; never a crew member's session. */
    static final String USERS = "hasAnyRole('AGENT', 'TEAM_LEAD', 'SUPERVISOR', 'DISPATCHER', 'ADMIN')";
    /** Who routes orders, assigns crews, closes and acknowledges alarms. */
    static final String ROUTERS = "hasAnyRole('SUPERVISOR', 'DISPATCHER', 'ADMIN')";
    /** Who reads the work-order reports: the floor's watchers and the dispatchers. */
    static final String REPORTS = "hasAnyRole('TEAM_LEAD', 'SUPERVISOR', 'DISPATCHER', 'ADMIN')";
    /** Who calls customers back about their repaired fault (回访): the desk's roles. */
    static final String DESK = "hasAnyRole('AGENT', 'TEAM_LEAD', 'SUPERVISOR', 'ADMIN')";

    private WorkOrderAccess() {
    }
}
