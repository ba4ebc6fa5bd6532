package org.hotline.desktop.wallboard.internal;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses the {@code /ws/supervisor} upgrade (403) unless the user watches the floor (team lead, supervisor,
 * administrator) or dispatches work orders: a second check besides the URL rule, so a mistake in one place does not
 * open the floor's data to agents. Dispatchers get the work-order news only (docs/adr/0024).
 */
final class SupervisorHandshake implements HandshakeInterceptor {

    private static final Set<String> WATCHERS = Set.of("ROLE_TEAM_LEAD", "ROLE_SUPERVISOR", "ROLE_ADMIN");

    /** Whether the user sees the wallboard on this socket. */
    static boolean watchesFloor(Principal principal) {
        return has(principal, WATCHERS);
    }

    /** Whether the user may open this socket at all. */
    static boolean mayConnect(Principal principal) {
        return watchesFloor(principal) || has(principal, Set.of("ROLE_DISPATCHER"));
    }

    private static boolean has(Principal principal, Set<String> roles) {
        return principal instanceof Authentication auth && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> roles.contains(a.getAuthority()));
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (mayConnect(request.getPrincipal())) {
            return true;
        }
        response.setStatusCode(HttpStatus.FORBIDDEN);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to do
    }
}
