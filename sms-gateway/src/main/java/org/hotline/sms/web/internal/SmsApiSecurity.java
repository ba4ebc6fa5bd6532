package org.hotline.sms.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hotline.sms.web.ApiClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API for other systems ({@code /api/sms/v1/**}) in its own filter chain, ahead of the desktop's: stateless,
 * no CSRF (no cookies are involved), authenticated only by API client key.
 */
@Configuration(proxyBeanMethods = false)
public class SmsApiSecurity {

    static final String AUTHORITY = "SMS_API";

    @Bean
    @Order(10)
    SecurityFilterChain smsApiSecurity(HttpSecurity http, ApiClients clients) throws Exception {
        http.securityMatcher("/api/sms/v1/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new ApiKeyFilter(clients), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(AUTHORITY))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthorized(res, "API key required "
                                + "(Authorization: Bearer <key>)"))
                        .accessDeniedHandler((req, res, ex) -> unauthorized(res, "not an API client")));
        return http.build();
    }

    static void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"" + message + "\"}");
    }
}
