package org.hotline.server.ready;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.demo.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Says once, when everything (the demo data included) is loaded, where the server answers and, in the demo, who can
 * log in: one block at the end of the start-up log, so nobody hunts for the port or the passwords.
 */
@Component
public class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final DemoProperties demo;
    private final ServerProperties server;
    private volatile String message;

    ReadyBanner(DemoProperties demo, ServerProperties server) {
        this.demo = demo;
        this.server = server;
    }

    // last of the ready listeners: the demo users exist by now (DemoConfiguration loads them at order 0)
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            message = message(web.getWebServer().getPort());
            log.info(message);
        }
    }

    /** The block printed at ready, or null before. */
    public String message() {
        return message;
    }

    String message(int port) {
        String path = server.getServlet().getContextPath() == null ? "" : server.getServlet().getContextPath();
        InetAddress bound = server.getAddress();
        String host = bound == null || bound.isAnyLocalAddress() ? "localhost" : bound.getHostAddress();
        StringBuilder b = new StringBuilder("Hotline is ready: ").append(url(host, port, path));
        if (bound == null || bound.isAnyLocalAddress()) {
            String name = localName();
            if (name != null) {
                b.append("\n  from other machines: ").append(url(name, port, path));
            }
        }
        if (demo.enabled()) {
            b.append("\n  demo logins (user / password):")
                    .append("\n    agent1001 … agent1004, agent2001 … agent2003 / ").append(DemoUsers.AGENT_PASSWORD)
                    .append("\n    teamlead / ").append(DemoUsers.TEAM_LEAD_PASSWORD)
                    .append("\n    supervisor / ").append(DemoUsers.SUPERVISOR_PASSWORD)
                    .append("\n    dispatcher / ").append(DemoUsers.DISPATCHER_PASSWORD)
                    .append("\n    crew / ").append(DemoUsers.CREW_PASSWORD)
                    .append("\n    admin / ").append(DemoUsers.ADMIN_PASSWORD)
                    .append("\n  (demo data: set HOTLINE_DEMO_ENABLED=false for a real deployment)");
        }
        return b.toString();
    }

    private static String url(String host, int port, String path) {
        String h = host.contains(":") ? "[" + host + "]" : host; // an IPv6 literal
        return "http://" + h + ":" + port + path + "/";
    }

    private static String localName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() || name.equals("localhost") ? null : name;
        } catch (UnknownHostException e) {
            return null; // no name to offer: the localhost line stands alone
        }
    }
}
