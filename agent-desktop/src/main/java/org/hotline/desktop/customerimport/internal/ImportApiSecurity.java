package org.hotline.desktop.customerimport.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.hotline.cti.apikey.ApiKeys;
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
 * The import API ({@code /api/import/v1/**}) in its own filter chain, ahead of the desktop's: stateless, no CSRF (no
 * cookie is involved), authenticated only by an import key; a desk session gets nowhere (401).
 */
@Configuration(proxyBeanMethods = false)
class ImportApiSecurity {

    static final String AUTHORITY = "IMPORT_API";

    @Bean
    @Order(12)
    SecurityFilterChain importApiChain(HttpSecurity http, ImportApiKeys keys) throws Exception {
        http.securityMatcher("/api/import/v1/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new KeyFilter(keys.keys()), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(AUTHORITY))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthorized(res, "import API key required "
                                + "(Authorization: Bearer <key>)"))
                        .accessDeniedHandler((req, res, ex) -> unauthorized(res, "not an import API key")));
        return http.build();
    }

    static void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"" + message + "\"}");
    }

    /** Authenticates {@code Authorization: Bearer <key>}; a wrong or disabled key is a 401 before the body is read. */
    static final class KeyFilter extends OncePerRequestFilter {

        private final ApiKeys keys;

        KeyFilter(ApiKeys keys) {
            this.keys = keys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null) {
                Optional<ApiKeys.Holder> key = header.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? keys.authenticate(header.substring(7)) : Optional.empty();
                if (key.isEmpty()) {
                    unauthorized(response, "invalid or disabled import API key");
                    return;
                }
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new UsernamePasswordAuthenticationToken(key.get(), null,
                        List.of(new SimpleGrantedAuthority(AUTHORITY))));
                SecurityContextHolder.setContext(context);
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
