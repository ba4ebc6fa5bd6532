package org.hotline.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.server.security.RoleMatrixIntegrationTests.Role.ADMIN;
import static org.hotline.server.security.RoleMatrixIntegrationTests.Role.AGENT;
import static org.hotline.server.security.RoleMatrixIntegrationTests.Role.ANONYMOUS;
import static org.hotline.server.security.RoleMatrixIntegrationTests.Role.CREW;
import static org.hotline.server.security.RoleMatrixIntegrationTests.Role.DISPATCHER;
import static org.hotline.server.security.RoleMatrixIntegrationTests.Role.SUPERVISOR;
import static org.hotline.server.security.RoleMatrixIntegrationTests.Role.TEAM_LEAD;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue #13's role matrix: every endpoint Hotline maps (read from Spring's handler mappings), every static page,
 * the actuator and both WebSockets, called by every role. {@link #TABLE} says who may pass the security
 * check; a mapping without a line there fails, and so does a line whose mapping is gone.
 */
@SimulatedServerTest
class RoleMatrixIntegrationTests {

    /** Who calls: a stranger without a session, or one of the demo users of each role (docs/adr/0024). */
    enum Role { ANONYMOUS, AGENT, TEAM_LEAD, SUPERVISOR, DISPATCHER, CREW, ADMIN }

    private static final Set<Role> ANYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    private static final Set<Role> DESK = EnumSet.of(AGENT, TEAM_LEAD, SUPERVISOR, ADMIN);
    private static final Set<Role> AREA = EnumSet.of(AGENT, TEAM_LEAD, SUPERVISOR, DISPATCHER, ADMIN);
    private static final Set<Role> WATCH = EnumSet.of(TEAM_LEAD, SUPERVISOR, ADMIN);
    private static final Set<Role> FLOOR_SOCKET = EnumSet.of(TEAM_LEAD, SUPERVISOR, DISPATCHER, ADMIN);
    private static final Set<Role> ORDERS = EnumSet.of(AGENT, TEAM_LEAD, SUPERVISOR, DISPATCHER, ADMIN);
    private static final Set<Role> ROUTERS = EnumSet.of(SUPERVISOR, DISPATCHER, ADMIN);
    private static final Set<Role> FLOOR = EnumSet.of(SUPERVISOR, ADMIN);
    private static final Set<Role> ORDER_REPORTS = EnumSet.of(TEAM_LEAD, SUPERVISOR, DISPATCHER, ADMIN);
    private static final Set<Role> CREW_ONLY = EnumSet.of(CREW);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);
    // the crew app's bearer chain and the SMS API's key chain: no session of any role gets in, only a token (401)
    private static final Set<Role> TOKEN_ONLY = EnumSet.noneOf(Role.class);
    private static final String OWN_DESK = "acts on agent1001's own desk on the PBX, which other tests use";

    /** Who may pass the security check of each endpoint, page and socket ("METHOD /pattern"). */
    static final Map<String, Rule> TABLE = table(
            // pages
            rule("GET /", SIGNED_IN),
            rule("GET /login.html", ANYONE),
            rule("GET /change-password.html", SIGNED_IN),
            rule("GET /agent.html", DESK),
            rule("GET /lookup.html", AREA),
            rule("GET /lines.html", AREA),
            rule("GET /supervisor.html", WATCH),
            rule("GET /wallboard.html", WATCH),
            rule("GET /reports.html", WATCH),
            rule("GET /reports-kpis.html", WATCH),
            rule("GET /outage-board.html", FLOOR),
            rule("GET /outages.html", FLOOR),
            rule("GET /campaigns.html", FLOOR),
            rule("GET /workorders.html", ROUTERS),
            rule("GET /crew.html", ANYONE),
            rule("GET /public/outages.html", ANYONE),
            rule("GET /public/outages.json", ANYONE),
            // sockets
            rule("WS /ws/agent", DESK),
            rule("WS /ws/supervisor", FLOOR_SOCKET),
            // the session itself
            rule("GET /api/csrf", ANYONE),
            rule("GET /api/me", SIGNED_IN),
            rule("POST /api/me/password", SIGNED_IN),
            rule("PUT /api/me/language", SIGNED_IN),
            rule("POST /api/me/crew-token", CREW_ONLY).skip(CREW, "issues a crew token for the demo crew's account"),
            // the agent's desk
            rule("GET /api/control/state", DESK),
            rule("GET /api/control/pause-reasons", DESK),
            rule("POST /api/control/login", DESK).skip(AGENT, OWN_DESK),
            rule("POST /api/control/logout", DESK).skip(AGENT, OWN_DESK)
                    .skip(SUPERVISOR, "signs out the demo supervisor's own phone (extension 1900, which listen rings)"),
            rule("POST /api/control/ready", DESK).skip(AGENT, OWN_DESK),
            rule("POST /api/control/wrapup/finish", DESK).skip(AGENT, OWN_DESK),
            rule("POST /api/control/wrapup/extend", DESK).skip(AGENT, OWN_DESK),
            rule("GET /api/control/outcomes", DESK),
            rule("POST /api/control/outcome", DESK),
            rule("POST /api/control/pause", DESK),
            rule("POST /api/control/dial", DESK),
            rule("POST /api/control/hangup", DESK),
            rule("POST /api/control/transfer", DESK),
            rule("POST /api/control/hold", DESK),
            rule("POST /api/control/unhold", DESK),
            rule("POST /api/control/recording/pause", DESK),
            rule("POST /api/control/recording/resume", DESK),
            rule("GET /api/customers/search", DESK),
            rule("GET /api/customers/{customerNo}", DESK),
            rule("GET /api/customers/{customerNo}/contacts", DESK),
            rule("GET /api/desk/categories", DESK),
            rule("POST /api/desk/contacts", DESK),
            rule("GET /api/callbacks", DESK),
            rule("POST /api/callbacks", DESK),
            rule("POST /api/callbacks/{id}/take", DESK),
            rule("POST /api/callbacks/{id}/done", DESK),
            rule("POST /api/callbacks/{id}/cancel", DESK),
            rule("GET /api/lookup", AREA),
            rule("GET /api/lines", AREA),
            rule("GET /api/lines/{code}/tree", AREA),
            // the floor
            rule("POST /api/supervisor/agents/{username}/pause", WATCH),
            rule("POST /api/supervisor/agents/{username}/logout", WATCH),
            // reports: whoever watches the floor; the queue_log import and a rebuild are the administrators'
            rule("GET /api/reports/queues", WATCH),
            rule("GET /api/reports/agents", WATCH),
            rule("GET /api/reports/teams", WATCH),
            rule("GET /api/reports/agent-time", WATCH),
            rule("GET /api/reports/outcomes", WATCH),
            rule("GET /api/reports/ivr", WATCH),
            rule("GET /api/reports/queue-names", WATCH),
            rule("GET /api/reports/me", DESK),
            rule("GET /api/reports/team-names", WATCH),
            rule("GET /api/reports/queue-log", WATCH),
            rule("GET /api/reports/scheduled", WATCH),
            rule("GET /api/work-orders/reports", ORDER_REPORTS),
            rule("GET /api/reports/scheduled/{id}", WATCH),
            rule("POST /api/admin/reports/queue-log", ADMINS),
            rule("POST /api/admin/reports/rebuild", ADMINS).skip(ADMIN, "rebuilds every report rollup of the shared"
                    + " database"),
            rule("POST /api/supervisor/agents/{username}/spy", WATCH),
            rule("GET /recordings.html", FLOOR),
            rule("GET /api/recordings", FLOOR),
            rule("GET /api/recordings/{id}/audio", FLOOR),
            rule("GET /api/supervisor/waiting-history", WATCH),
            rule("GET /api/outages", FLOOR),
            rule("GET /api/outages/{id}", FLOOR),
            rule("GET /api/outages/board", FLOOR),
            rule("POST /api/outages", FLOOR),
            rule("POST /api/outages/{id}/extend", FLOOR),
            rule("POST /api/outages/{id}/restore", FLOOR),
            rule("GET /api/sms/campaigns", FLOOR),
            rule("GET /api/sms/campaigns/{id}", FLOOR),
            rule("GET /api/sms/reports", FLOOR),
            rule("POST /api/sms/campaigns", FLOOR),
            rule("POST /api/sms/campaigns/preview", FLOOR),
            rule("POST /api/sms/campaigns/{id}/pause", FLOOR),
            rule("POST /api/sms/campaigns/{id}/resume", FLOOR),
            rule("POST /api/sms/campaigns/{id}/cancel", FLOOR),
            rule("GET /api/sms/campaigns/{id}/messages", FLOOR),
            rule("GET /api/sms/campaigns/{id}/messages.csv", FLOOR),
            rule("GET /api/sms/attention", FLOOR),
            rule("GET /api/sms/accounts", FLOOR),
            rule("POST /api/sms/attention/{id}/resend", FLOOR),
            rule("POST /api/sms/attention/{id}/close", FLOOR),
            rule("GET /api/sms/templates", FLOOR),
            rule("PUT /api/sms/templates/{name}", FLOOR),
            rule("POST /api/sms/templates/preview", FLOOR),
            rule("POST /api/sms/imports/arrears", FLOOR),
            rule("POST /api/sms/imports/ic-card", FLOOR),
            rule("GET /api/sms/signature", FLOOR),
            // work orders: agents open and follow them, dispatchers (supervisors) route and close them
            rule("GET /api/work-orders", ORDERS),
            rule("POST /api/work-orders", ORDERS),
            rule("GET /api/work-orders/types", ORDERS),
            rule("GET /api/work-orders/premises", ORDERS),
            rule("GET /api/work-orders/units", ORDERS),
            rule("PUT /api/work-orders/units/{code}", ADMINS),
            rule("GET /api/work-orders/repair-centres", ORDERS),
            rule("GET /api/work-orders/{id}", ORDERS),
            rule("POST /api/work-orders/{id}/points", ORDERS),
            rule("POST /api/work-orders/{id}/reroute", ROUTERS),
            rule("POST /api/work-orders/{id}/close", ROUTERS),
            rule("POST /api/work-orders/{id}/done", ROUTERS),
            rule("POST /api/work-orders/{id}/reopen", ROUTERS),
            rule("GET /api/work-orders/alarms", ROUTERS),
            rule("POST /api/work-orders/alarms/{id}/ack", ROUTERS),
            rule("GET /api/work-orders/{id}/crew", ROUTERS),
            rule("POST /api/work-orders/{id}/crew", ROUTERS),
            rule("GET /api/work-orders/crew-waiting", ROUTERS),
            rule("GET /api/work-orders/{id}/photos/{photoId}", ROUTERS),
            rule("GET /api/work-orders/crew-tokens", ADMINS),
            rule("GET /api/work-orders/crew-accounts", ADMINS),
            rule("PUT /api/work-orders/crew-accounts/{username}", ADMINS),
            rule("POST /api/work-orders/crew-tokens", ADMINS),
            rule("POST /api/work-orders/crew-tokens/{id}/revoke", ADMINS),
            rule("GET /api/work-orders/revisits", DESK),
            rule("GET /api/work-orders/revisits/{id}", DESK),
            rule("POST /api/work-orders/revisits/{id}/attempts", DESK),
            // the crew app: a crew token, never a desk session
            rule("GET /api/crew/me", TOKEN_ONLY),
            rule("GET /api/crew/orders", TOKEN_ONLY),
            rule("GET /api/crew/events", TOKEN_ONLY),
            rule("GET /api/crew/orders/{id}", TOKEN_ONLY),
            rule("POST /api/crew/orders/{id}/accept", TOKEN_ONLY),
            rule("POST /api/crew/orders/{id}/cannot-go", TOKEN_ONLY),
            rule("POST /api/crew/orders/{id}/depart", TOKEN_ONLY),
            rule("POST /api/crew/orders/{id}/arrive", TOKEN_ONLY),
            rule("POST /api/crew/orders/{id}/fault", TOKEN_ONLY),
            rule("POST /api/crew/orders/{id}/materials", TOKEN_ONLY),
            rule("POST /api/crew/orders/{id}/done", TOKEN_ONLY),
            // the SMS API for other systems: an API key, never a desk session
            rule("POST /api/sms/v1/messages", TOKEN_ONLY),
            rule("POST /api/sms/v1/batches", TOKEN_ONLY),
            rule("GET /api/sms/v1/messages/{id}", TOKEN_ONLY),
            // the billing system's nightly import: an import key, never a desk session
            rule("POST /api/import/v1/customers", TOKEN_ONLY),
            rule("GET /api/import/v1/jobs/{id}", TOKEN_ONLY),
            // administration
            rule("GET /admin/audit.html", ADMINS),
            rule("GET /admin/users.html", ADMINS),
            rule("GET /admin/import.html", ADMINS),
            rule("GET /api/admin/users", ADMINS),
            rule("GET /api/admin/teams", ADMINS),
            rule("POST /api/admin/teams", ADMINS),
            rule("POST /api/admin/users", ADMINS),
            rule("PUT /api/admin/users/{username}", ADMINS),
            rule("POST /api/admin/users/{username}/reset-password", ADMINS),
            rule("POST /api/admin/users/{username}/disable", ADMINS),
            rule("POST /api/admin/users/{username}/enable", ADMINS),
            rule("GET /workorder-admin.html", ADMINS),
            rule("GET /api/admin/card-reads", ADMINS),
            rule("GET /api/admin/card-reads/totals", ADMINS),
            rule("GET /api/admin/lockouts", ADMINS),
            rule("POST /api/admin/imports/customers", ADMINS),
            rule("GET /api/admin/imports/customers/template.csv", ADMINS),
            rule("GET /api/admin/imports/{id}", ADMINS),
            rule("GET /api/admin/imports", ADMINS),
            rule("GET /api/admin/imports/api-keys", ADMINS),
            rule("POST /api/admin/imports/api-keys", ADMINS),
            rule("POST /api/admin/imports/api-keys/{id}/disable", ADMINS),
            rule("POST /api/admin/lockouts/{kind}/{key}/lift", ADMINS),
            rule("POST /api/admin/sms/api-clients", ADMINS),
            rule("GET /admin/service-calendar.html", ADMINS),
            rule("GET /admin/queues.html", ADMINS),
            rule("GET /admin/outcomes.html", ADMINS),
            rule("GET /api/admin/queues", ADMINS),
            rule("POST /api/admin/queues", ADMINS),
            rule("PUT /api/admin/queues/{name}", ADMINS),
            rule("PUT /api/admin/queues/{name}/members/{username}", ADMINS),
            rule("GET /api/admin/queues/recording", ADMINS),
            rule("PUT /api/admin/queues/{name}/recording", ADMINS),
            rule("GET /api/admin/pause-reasons", ADMINS),
            rule("PUT /api/admin/pause-reasons/{code}", ADMINS),
            rule("GET /api/admin/outcomes", ADMINS),
            rule("PUT /api/admin/outcomes/{code}", ADMINS),
            rule("PUT /api/admin/queues/{name}/outcome-required", ADMINS),
            rule("GET /api/admin/service-calendar", ADMINS),
            rule("PUT /api/admin/service-calendar/{date}", ADMINS),
            rule("DELETE /api/admin/service-calendar/{date}", ADMINS),
            rule("GET /api/admin/service-calendar/weekly-hours", ADMINS),
            rule("PUT /api/admin/service-calendar/weekly-hours", ADMINS),
            rule("POST /api/admin/sms/api-clients/{id}/disable", ADMINS),
            rule("GET /api/admin/sms/signature", ADMINS),
            rule("PUT /api/admin/sms/signature", ADMINS),
            rule("POST /api/network/import", ADMINS),
            rule("POST /api/network/areas/import", ADMINS),
            rule("PUT /api/network/areas/{code}", ADMINS),
            rule("PUT /api/network/lines/{code}", ADMINS),
            // operations: UP or DOWN for anyone (probes), the rest for administrators
            rule("GET /actuator", ADMINS),
            rule("GET /actuator/health", ANYONE),
            rule("GET /actuator/health/liveness", ANYONE),
            rule("GET /actuator/health/readiness", ANYONE),
            rule("GET /actuator/info", ADMINS),
            rule("GET /actuator/metrics", ADMINS),
            rule("GET /actuator/prometheus", ADMINS),
            // the OpenAPI description: behind the login, for every user (ADR 0021)
            rule("GET /v3/api-docs", SIGNED_IN),
            rule("GET /v3/api-docs.yaml", SIGNED_IN),
            rule("GET /v3/api-docs/swagger-config", SIGNED_IN),
            rule("GET /swagger-ui.html", ADMINS));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final Map<Role, AgentClient> clients = new EnumMap<>(Role.class);

    @BeforeEach
    void logInEveryRole() {
        clients.put(ANONYMOUS, AgentClient.anonymous(port));
        clients.put(AGENT, AgentClient.login(port, "agent1001", DemoUsers.AGENT_PASSWORD));
        clients.put(SUPERVISOR, AgentClient.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD));
        clients.put(ADMIN, AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD));
        clients.put(TEAM_LEAD, AgentClient.login(port, "teamlead", DemoUsers.TEAM_LEAD_PASSWORD));
        clients.put(DISPATCHER, AgentClient.login(port, "dispatcher", DemoUsers.DISPATCHER_PASSWORD));
        clients.put(CREW, AgentClient.login(port, "crew", DemoUsers.CREW_PASSWORD));
    }

    @AfterEach
    void closeClients() {
        clients.values().forEach(AgentClient::close);
    }

    @Test
    void everyMappedEndpointPageAndSocketHasARuleAndEveryRuleStillHasItsEndpoint() throws IOException {
        Set<String> mapped = mapped();
        Set<String> problems = new TreeSet<>();
        for (String endpoint : mapped) {
            if (!TABLE.containsKey(endpoint)) {
                problems.add("no rule for " + endpoint + ": add it to the role matrix");
            }
        }
        TABLE.forEach((endpoint, rule) -> {
            if (!mapped.contains(endpoint) && rule.absentReason() == null) {
                problems.add("a rule for " + endpoint + ", which is no longer mapped: remove it from the role matrix");
            }
        });
        assertThat(problems).as("the role matrix against what the server maps (%d endpoints)", mapped.size())
                .isEmpty();
    }

    @Test
    void everyRolePassesTheSecurityCheckOfExactlyTheEndpointsItsRuleAllowsAndNoneAnswers500() throws IOException {
        Set<String> mapped = mapped();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Rule> line : TABLE.entrySet()) {
            if (line.getKey().startsWith("WS ") || !mapped.contains(line.getKey())) {
                continue;
            }
            String method = line.getKey().substring(0, line.getKey().indexOf(' '));
            String path = harmless(line.getKey().substring(method.length() + 1));
            Rule rule = line.getValue();
            for (Role role : Role.values()) {
                boolean allowed = rule.allowed().contains(role);
                if (allowed && rule.skipped().contains(role)) {
                    continue;
                }
                AgentClient client = clients.get(role);
                HttpResponse<String> r = method.equals("GET") ? client.get(path) : client.sendJson(method, path, "{}");
                calls++;
                String problem = allowed ? passed(r, method) : refused(r, role, rule);
                if (problem != null) {
                    wrong.add(line.getKey() + " as " + role + ": " + problem + " (answered " + r.statusCode() + " "
                            + abbreviate(r.body()) + ")");
                }
            }
        }
        assertThat(wrong).as("%d calls on %d endpoints", calls, mapped.size()).isEmpty();
    }

    @Test
    void theAgentSocketTakesTheDeskRolesAndTheSupervisorSocketTheFloorsWatchersAndDispatchers() {
        List<String> wrong = new ArrayList<>();
        TABLE.forEach((endpoint, rule) -> {
            if (!endpoint.startsWith("WS ")) {
                return;
            }
            for (Role role : Role.values()) {
                int status = clients.get(role).handshake(endpoint.substring(3));
                boolean allowed = rule.allowed().contains(role);
                boolean ok = allowed ? status == 101
                        : status == 401 || status == 403 || role == ANONYMOUS && status == 302;
                if (!ok) {
                    wrong.add(endpoint + " as " + role + ": " + (allowed ? "refused" : "accepted") + " (" + status
                            + ")");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    // anything but a refusal, a bounce to the login page or a server error: the security check let the call through
    private static String passed(HttpResponse<String> r, String method) {
        int s = r.statusCode();
        if (!method.equals("GET") && s >= 200 && s < 300) {
            return "an empty body was accepted, so the call may have changed shared data: skip this role's call";
        }
        if (s == 401 || s == 403) {
            return "refused, but the rule allows this role";
        }
        if (s == 302 && toLogin(r)) {
            return "sent to the login page, but the rule allows this role";
        }
        return s >= 500 ? "server error: a bug" : null;
    }

    private static String refused(HttpResponse<String> r, Role role, Rule rule) {
        int s = r.statusCode();
        if (rule.allowed().isEmpty()) {
            // the crew app's and the SMS API's own chains: no token, no entry, whatever session comes along
            return s == 401 ? null : "expected 401 (token or API key only)";
        }
        if (s == 401 || s == 403 || role == ANONYMOUS && s == 302 && toLogin(r)) {
            return null;
        }
        return s >= 500 ? "server error before the refusal: a bug" : "passed, but the rule refuses this role";
    }

    private static boolean toLogin(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("").contains("/login.html");
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }

    /** "METHOD /pattern" of everything served: Hotline's and springdoc's mappings, pages, actuator and sockets. */
    private Set<String> mapped() throws IOException {
        Set<String> out = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                String owner = handler.getBeanType().getName();
                // Spring's own /error is no endpoint of ours; springdoc's /v3/api-docs is served to our users
                if (!owner.startsWith("org.hotline.") && !owner.startsWith("org.springdoc.")) {
                    return;
                }
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("GET"); // a mapping without a method answers every method; GET stands for them
                }
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(m -> out.add(m + " " + pattern));
                }
            });
        }
        for (Resource page : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*.html")) {
            String url = page.getURL().toString();
            out.add("GET " + url.substring(url.lastIndexOf("/static/") + "/static".length()));
        }
        PathMappedEndpoints actuator = context.getBean(PathMappedEndpoints.class);
        out.add("GET " + actuator.getBasePath());
        actuator.getAllPaths().forEach(p -> out.add("GET " + p));
        String health = actuator.getPath(EndpointId.of("health"));
        context.getBean(HealthEndpointGroups.class).getNames().forEach(g -> out.add("GET " + health + "/" + g));
        for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            mapping.getHandlerMap().forEach((path, handler) -> {
                if (handler.getClass().getName().startsWith("org.springframework.web.socket.")) {
                    out.add("WS " + path);
                }
            });
        }
        return out;
    }

    /**
     * One line of the matrix: who may pass the security check, whose call is not made (and why), and why the
     * endpoint may be missing for now (null: it must exist).
     */
    record Rule(String endpoint, Set<Role> allowed, Set<Role> skipped, String skipReason, String absentReason) {

        Rule skip(Role role, String reason) {
            Set<Role> s = EnumSet.of(role);
            s.addAll(skipped);
            return new Rule(endpoint, allowed, s, reason, absentReason);
        }

        // a line for an endpoint that another branch is adding: no failure while it is missing
        Rule absentWhile(String reason) {
            return new Rule(endpoint, allowed, skipped, skipReason, reason);
        }
    }

    private static Rule rule(String endpoint, Set<Role> allowed) {
        return new Rule(endpoint, allowed, EnumSet.noneOf(Role.class), null, null);
    }

    private static Map<String, Rule> table(Rule... rules) {
        Map<String, Rule> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (out.put(r.endpoint(), r) != null) {
                throw new IllegalStateException("two lines for " + r.endpoint());
            }
        }
        return out;
    }

    private static String harmless(String pattern) {
        // ids and codes that exist nowhere: no call can change what other tests rely on
        return pattern.replaceAll("\\{[^/]+}", "999999");
    }
}
