package org.hotline.desktop.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hotline.cti.agent.AgentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form's guards: a locked name or address is refused before its password is checked, each failure is
 * counted, and a success clears the name's count and sends a user with a handed-out password to change it first.
 */
final class ThrottledLogin {

    static final String LOCKED_URL = "/login.html?locked";

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogin.class);

    private final LoginThrottle throttle;
    private final AgentDirectory directory;

    ThrottledLogin(LoginThrottle throttle, AgentDirectory directory) {
        this.throttle = throttle;
        this.directory = directory;
    }

    /** Runs before the login form's authentication: a locked name or address gets the "locked" page at once. */
    OncePerRequestFilter lockCheck() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (throttle.lockOn(request.getParameter("username"), request.getRemoteAddr()) != null) {
                    response.sendRedirect(LOCKED_URL);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    AuthenticationFailureHandler onFailure() {
        return (request, response, e) -> {
            LoginThrottle.Lock lock = throttle.failed(request.getParameter("username"), request.getRemoteAddr());
            if (lock != null) {
                log.warn("login locked: {} {} until {} after {} failures", lock.kind(), lock.key(), lock.lockedUntil(),
                        lock.failures());
            }
            response.sendRedirect(lock != null ? LOCKED_URL : "/login.html?error");
        };
    }

    AuthenticationSuccessHandler onSuccess() {
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName());
            if (directory.mustChangePassword(authentication.getName())) {
                request.getSession().setAttribute(PasswordChangeGate.ATTRIBUTE, Boolean.TRUE);
                response.sendRedirect(PasswordChangeGate.PAGE);
                return;
            }
            response.sendRedirect("/");
        };
    }
}
