package org.hotline.workorder.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.workorder.CrewAppProperties;
import org.hotline.workorder.CrewAppRejectedException;
import org.hotline.workorder.CrewMember;
import org.hotline.workorder.CrewTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The crew app in its own filter chain, ahead of the desktop's: {@code /api/crew/**} is stateless and authenticated
 * only by a crew token ({@code Authorization: Bearer <token>}; no session, so no CSRF); the page {@code /crew.html}
 * and its assets under {@code /crew/} load without a login, under the same strict CSP as every page.
 */
@Configuration(proxyBeanMethods = false)
public class CrewApiSecurity {

    static final String AUTHORITY = "CREW";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";
    // multipart framing and the note around the photos
    private static final long MULTIPART_OVERHEAD = 1024 * 1024;

    @Bean
    @Order(11)
    SecurityFilterChain crewApiSecurity(HttpSecurity http, CrewTokens tokens, CrewAppProperties settings)
            throws Exception {
        long maxBody = settings.photoMaxCount() * settings.photoMaxSize().toBytes() + MULTIPART_OVERHEAD;
        http.securityMatcher("/api/crew/**", "/crew.html", "/crew/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new CrewTokenFilter(tokens, maxBody), AnonymousAuthenticationFilter.class)
                // the event stream's later dispatches carry no token: the first one was checked
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/crew.html", "/crew/**").permitAll()
                        .anyRequest().hasAuthority(AUTHORITY))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> refuse(res, HttpServletResponse.SC_UNAUTHORIZED,
                                "crew token required (Authorization: Bearer <token>)"))
                        .accessDeniedHandler((req, res, ex) -> refuse(res, HttpServletResponse.SC_UNAUTHORIZED,
                                "not a crew token")));
        return http.build();
    }

    static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        refuse(response, status, message, Map.of());
    }

    static void refuse(HttpServletResponse response, int status, String message, Map<String, Object> details)
            throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType("application/json;charset=UTF-8");
        Map<String, Object> body = new LinkedHashMap<>(details);
        body.put("message", message);
        response.getWriter().write(Json.write(body));
    }

    /** Authenticates {@code Authorization: Bearer <token>}: a missing, unknown or revoked token is a 401 at once. */
    static final class CrewTokenFilter extends OncePerRequestFilter {

        private final CrewTokens tokens;
        private final long maxBody;

        CrewTokenFilter(CrewTokens tokens, long maxBody) {
            this.tokens = tokens;
            this.maxBody = maxBody;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith(request.getContextPath() + "/api/crew/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
                        "crew token required (Authorization: Bearer <token>)", Map.of("reason", "missing"));
                return;
            }
            CrewMember member;
            try {
                member = tokens.authenticate(header.substring(7));
            } catch (CrewAppRejectedException e) {
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, e.getMessage(), e.details());
                return;
            }
            // refused before a byte of the body is parsed: a 50 MB photo never reaches the multipart parser
            if (request.getContentLengthLong() > maxBody) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request of "
                        + request.getContentLengthLong() + " bytes (expected: at most " + maxBody
                        + ": the photos' size and count are limited); nothing was recorded");
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new UsernamePasswordAuthenticationToken(member, null,
                    List.of(new SimpleGrantedAuthority(AUTHORITY))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
