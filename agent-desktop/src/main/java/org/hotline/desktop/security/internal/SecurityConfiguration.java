package org.hotline.desktop.security.internal;

import com.fasterxml.jackson.databind.Module;
import java.time.Clock;
import javax.sql.DataSource;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.customerimport.CustomerImportProperties;
import org.hotline.cti.push.PushBus;
import org.hotline.desktop.DesktopProperties;
import org.hotline.desktop.security.LoginProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** Who may see what: everything but the login page and static assets needs a logged-in user (issue #2). */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The public outage feed (issue #4): no login, no session, no personal data; the company website may frame the
     * page and read the JSON from its own origin (docs/adr/0013).
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicFeed(HttpSecurity http) throws Exception {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.addAllowedMethod("GET");
        UrlBasedCorsConfigurationSource corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration("/public/**", cors);
        http.securityMatcher("/public/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // read-only: GET only, no session to ride on
                .requestCache(c -> c.disable())
                .cors(c -> c.configurationSource(corsSource))
                .headers(h -> h.frameOptions(f -> f.disable()).contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "connect-src 'self'; object-src 'none'; frame-ancestors *; base-uri 'none'")));
        return http.build();
    }

    // no @Order: the catch-all chain runs last, after /public/** and the SMS API's own chain (@Order(10))
    @Bean
    SecurityFilterChain hotlineSecurity(HttpSecurity http, ThrottledLogin login, SessionRegistry sessions)
            throws Exception {
        // Pages and APIs by role in one place (issues #3-#5); finer rules sit on the controllers (@PreAuthorize).
        http.authorizeHttpRequests(auth -> auth
                        // the login page speaks the user's language too: desk.js and the dictionaries are public
                        .requestMatchers("/login", "/login.html", "/api/csrf", "/css/**", "/js/login.js",
                                "/js/desk.js", "/i18n/**",
                                "/favicon.ico", "/error", "/actuator/health/**", "/public/**", "/webjars/**").permitAll()
                        .requestMatchers("/ws/agent", "/agent.html", "/api/desk/**", "/api/control/**",
                                "/api/customers/**", "/api/callbacks/**", "/api/reports/me").hasAnyRole(Roles.DESK)
                        .requestMatchers("/lookup.html", "/lines.html", "/api/lookup/**", "/api/lines/**")
                                .hasAnyRole(Roles.AREA_LOOKUP)
                        .requestMatchers("/supervisor.html", "/wallboard.html", "/api/supervisor/**",
                                "/reports.html", "/reports-kpis.html", "/api/reports/**").hasAnyRole(Roles.WATCH)
                        // dispatchers get the work-order news on it, not the wallboard (SupervisorSocketHandler)
                        .requestMatchers("/ws/supervisor").hasAnyRole(Roles.FLOOR_SOCKET)
                        .requestMatchers("/workorders.html").hasAnyRole(Roles.ROUTE_ORDERS)
                        // finer rules on the controllers; a crew member's session is turned away before any binding
                        .requestMatchers("/api/work-orders/**").hasAnyRole(Roles.WORK_ORDERS)
                        .requestMatchers("/outage-board.html", "/outages.html", "/campaigns.html", "/api/outages/**",
                                "/api/sms/**", "/recordings.html", "/api/recordings/**").hasAnyRole(Roles.FLOOR)
                        .requestMatchers("/admin/**", "/api/admin/**", "/api/network/**", "/actuator/**",
                                "/workorder-admin.html", "/js/workorder-admin.js", "/swagger-ui.html",
                                "/swagger-ui/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .successHandler(login.onSuccess()).failureHandler(login.onFailure()).permitAll())
                .addFilterBefore(login.lockCheck(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeGate(), AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"))
                // every session is registered, so disabling a user or resetting a password ends them all
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login.html?expired"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }

    /** Control characters in parameters are a 400 before any controller reads them. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> controlCharacterFilter() {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(ControlCharacters.filter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    /** Bodies over hotline.desktop.max-body-size (the customer import: hotline.import.max-size) are a 413. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bodySizeLimit(DesktopProperties settings,
                                                               CustomerImportProperties imports) {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(
                new BodySizeLimit(settings.maxBodySize().toBytes(), imports.maxSize().toBytes()));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return bean;
    }

    /** Control characters in JSON strings are a 400 (the body is unreadable). */
    @Bean
    Module controlCharacterJson() {
        return ControlCharacters.jsonModule();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean(destroyMethod = "close")
    SessionEnder sessionEnder(SessionRegistry sessions, ObjectProvider<PushBus> bus) {
        return new SessionEnder(sessions, bus.getIfAvailable());
    }

    /** Tells the session registry when a session ends, so it does not keep them forever. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    LoginThrottle loginThrottle(DataSource dataSource, LoginProperties settings, ObjectProvider<Clock> clock) {
        return new LoginThrottle(dataSource, settings, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ThrottledLogin throttledLogin(LoginThrottle throttle, AgentDirectory directory) {
        return new ThrottledLogin(throttle, directory);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AgentDirectory directory) {
        return new DirectoryUserDetailsService(directory);
    }
}
