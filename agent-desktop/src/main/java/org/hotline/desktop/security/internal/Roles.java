package org.hotline.desktop.security.internal;

/**
 * The groups of roles the URL rules name (docs/adr/0024): what each role of {@code AgentAccount.Role} may open is
 * read here in one place, and the role matrix test holds every endpoint to it.
 */
final class Roles {

    /** Who takes calls or may stand in at a desk: the agent page, its socket, customers, callbacks. */
    static final String[] DESK = {"AGENT", "TEAM_LEAD", "SUPERVISOR", "ADMIN"};
    /** Who looks up service areas and the line tree: the desk and the repair centres' dispatchers. */
    static final String[] AREA_LOOKUP = {"AGENT", "TEAM_LEAD", "SUPERVISOR", "DISPATCHER", "ADMIN"};
    /**
     * Who watches the floor: the wallboard, the reports, and pausing or signing out agents (a team lead those of the
     * own queues).
     */
    static final String[] WATCH = {"TEAM_LEAD", "SUPERVISOR", "ADMIN"};
    /** Who may open the floor's socket: the watchers, and dispatchers for its work-order news only. */
    static final String[] FLOOR_SOCKET = {"TEAM_LEAD", "SUPERVISOR", "DISPATCHER", "ADMIN"};
    /** Who opens, follows or routes work orders (the API; crew members use the crew app's token instead). */
    static final String[] WORK_ORDERS = {"AGENT", "TEAM_LEAD", "SUPERVISOR", "DISPATCHER", "ADMIN"};
    /** Who routes work orders on the dispatch page. */
    static final String[] ROUTE_ORDERS = {"SUPERVISOR", "DISPATCHER", "ADMIN"};
    /** Who runs the floor: outages, SMS campaigns and templates, call recordings. */
    static final String[] FLOOR = {"SUPERVISOR", "ADMIN"};

    private Roles() {
    }
}
