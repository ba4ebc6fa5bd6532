package org.hotline.desktop.security.internal;

import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Loads users and their BCrypt hashes from the agent directory; the role becomes a Spring Security role. */
final class DirectoryUserDetailsService implements UserDetailsService {

    private final AgentDirectory directory;

    DirectoryUserDetailsService(AgentDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AgentAccount account = directory.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        String hash = directory.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("no password"));
        return User.withUsername(account.username())
                .password(hash)
                .roles(String.valueOf(account.role()))
                .disabled(!account.enabled())
                .build();
    }
}
