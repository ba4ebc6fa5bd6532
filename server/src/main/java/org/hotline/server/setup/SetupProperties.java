package org.hotline.server.setup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First start of a real deployment ({@code hotline.setup.*}, env {@code HOTLINE_SETUP_*}).
 *
 * @param initialAdminPassword the one-time password of the first administrator {@code admin}, created when the demo
 *                             is off and no administrator can sign in; unset (the default) means a random one, printed
 *                             once to the log. Either way it must be changed at the first login.
 */
@ConfigurationProperties("hotline.setup")
public record SetupProperties(String initialAdminPassword) {
}
