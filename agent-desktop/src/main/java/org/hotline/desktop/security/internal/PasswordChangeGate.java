package org.hotline.desktop.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user signed in with a handed-out password (the first administrator's one-time password, a reset) reaches only the
 * password page until a new one is chosen: pages redirect there, APIs and sockets answer 403 with the reason.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    /** The session attribute that marks a session whose user must change the password first. */
    static final String ATTRIBUTE = "hotline.mustChangePassword";
    /** The page where it is changed. */
    static final String PAGE = "/change-password.html";

    private static final Set<String> OPEN = Set.of(PAGE, "/js/change-password.js", "/js/desk.js", "/api/csrf",
            "/api/me", "/api/me/password", "/api/me/language", "/logout", "/login", "/login.html", "/error",
            "/favicon.ico");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE))) {
            return true;
        }
        String path = request.getServletPath();
        return OPEN.contains(path) || path.startsWith("/css/") || path.startsWith("/i18n/")
                || path.startsWith("/webjars/")
                || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath();
        if (path.startsWith("/api/") || path.startsWith("/ws/")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"password_change_required\",\"message\":\"请先修改密码 "
                    + "(the password was handed out: choose a new one at " + PAGE + ")\"}");
            return;
        }
        response.sendRedirect(PAGE);
    }
}
