package org.hotline.desktop.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.Subscription;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Ends every session of a user on every node: this node's HTTP sessions at once, the other nodes' through the push
 * bus, whose {@link PushMessage#TYPE_SESSIONS_ENDED} message also closes the user's desk and wallboard sockets.
 */
final class SessionEnder implements AutoCloseable {

    private final SessionRegistry registry;
    private final PushBus bus;
    private final Subscription subscription;

    SessionEnder(SessionRegistry registry, PushBus bus) {
        this.registry = registry;
        this.bus = bus;
        this.subscription = bus == null ? null
                : bus.subscribe(m -> m.sessionsEndedUser() != null, m -> expire(m.sessionsEndedUser()), () -> { });
    }

    /** Ends the user's sessions everywhere; returns how many HTTP sessions this node held. */
    int endAll(String username) {
        int here = expire(username);
        if (bus != null) {
            bus.publish(PushMessage.CONTROL, PushMessage.TYPE_SESSIONS_ENDED, "\"" + username + "\"");
        }
        return here;
    }

    /** The user's live HTTP sessions on this node. */
    List<SessionInformation> sessionsOf(String username) {
        List<SessionInformation> out = new ArrayList<>();
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails u ? u.getUsername() : String.valueOf(principal);
            if (name.equalsIgnoreCase(username)) {
                out.addAll(registry.getAllSessions(principal, false));
            }
        }
        return out;
    }

    private int expire(String username) {
        List<SessionInformation> live = sessionsOf(username);
        live.forEach(SessionInformation::expireNow);
        return live.size();
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
