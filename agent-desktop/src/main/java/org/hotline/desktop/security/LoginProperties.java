package org.hotline.desktop.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code hotline.login.*}, env {@code HOTLINE_LOGIN_*}): too many failed logins for one user name,
 * or from one client address, within {@code window} lock that name or address for {@code lockout}; an administrator
 * can lift a lock earlier.
 *
 * @param maxFailuresPerUser    failures of one user name that lock it (default 5)
 * @param maxFailuresPerAddress failures from one client address that lock it (default 30: a call centre's agents may
 *                              share one address behind NAT)
 * @param window                the span failures are counted in (default 15m)
 * @param lockout               how long a lock lasts (default 15m)
 */
@ConfigurationProperties("hotline.login")
public record LoginProperties(@DefaultValue("5") int maxFailuresPerUser,
                              @DefaultValue("30") int maxFailuresPerAddress,
                              @DefaultValue("15m") Duration window,
                              @DefaultValue("15m") Duration lockout) {

    /** Checks the values, naming the setting. */
    public LoginProperties {
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("hotline.login.max-failures-per-user / -per-address: "
                    + maxFailuresPerUser + " / " + maxFailuresPerAddress + " (expected: >= 1)");
        }
        if (window == null || window.isNegative() || window.isZero() || lockout == null || lockout.isNegative()
                || lockout.isZero()) {
            throw new IllegalArgumentException("hotline.login.window / lockout: " + window + " / " + lockout
                    + " (expected: > 0)");
        }
    }
}
