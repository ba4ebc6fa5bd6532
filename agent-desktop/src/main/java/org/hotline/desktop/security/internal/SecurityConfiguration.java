package org.hotline.desktop.security.internal;

import org.hotline.cti.agent.AgentDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Who may see what: everything but the login page and static assets needs a logged-in user (issue #2). */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain hotlineSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/login.html", "/api/csrf", "/css/**", "/js/login.js",
                                "/favicon.ico", "/error", "/actuator/health/**").permitAll()
                        .requestMatchers("/ws/agent", "/agent.html", "/js/agent.js").hasAnyRole("AGENT", "SUPERVISOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/agent.html", true).failureUrl("/login.html?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
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
