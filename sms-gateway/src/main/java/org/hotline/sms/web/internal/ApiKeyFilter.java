package org.hotline.sms.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.hotline.sms.web.ApiClients;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <key>} against {@link ApiClients}; a wrong key is a 401 at once. */
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiClients clients;

    ApiKeyFilter(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null) {
            Optional<ApiClients.ApiClient> client = header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? clients.authenticate(header.substring(7).strip()) : Optional.empty();
            if (client.isEmpty()) {
                SmsApiSecurity.unauthorized(response, "invalid API key");
                return;
            }
            var auth = new UsernamePasswordAuthenticationToken(client.get(), null,
                    List.of(new SimpleGrantedAuthority(SmsApiSecurity.AUTHORITY)));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
