package org.hotline.pbxsim.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers AMI actions as Asterisk 13+ does: login and session actions here, the rest in the action groups. */
public final class ActionHandler {

    private static final Logger log = LoggerFactory.getLogger(ActionHandler.class);
    private static final DateTimeFormatter TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
            .withZone(ZoneOffset.UTC);
    private static final String VERSION = "GIT-master-f0c1c1a7b7";

    private final Sim sim;
    private final ListActions lists;
    private final QueueActions queueActions;
    private final CallActions callActions;
    private volatile String bannerOverride;
    private volatile long responseDelayNanos;

    /** A handler over a simulator and its call engine. */
    public ActionHandler(Sim sim, CallEngine engine) {
        this.sim = sim;
        this.lists = new ListActions(sim);
        this.queueActions = new QueueActions(engine);
        this.callActions = new CallActions(engine);
    }

    /** The banner new connections get. */
    String banner() {
        String b = bannerOverride;
        return b != null ? b : sim.config.banner();
    }

    /** Greets new connections with another banner (fault injection), or the configured one again for null. */
    public void bannerOverride(String banner) {
        this.bannerOverride = banner;
    }

    /** Delays every response by a real duration (fault injection); 0 answers at once. */
    public void responseDelay(long nanos) {
        this.responseDelayNanos = Math.max(0, nanos);
    }

    /** Sends a response to one client, after the injected delay if any. */
    void reply(AmiSession s, Frame f) {
        long delay = responseDelayNanos;
        if (delay == 0) {
            s.send(f);
        } else {
            sim.scheduleReal(delay, () -> s.send(f));
        }
    }

    /** Answers an action with an error and its message. */
    void error(AmiSession s, String actionId, String message) {
        reply(s, Frame.response("Error", actionId).add("Message", message));
    }

    /** Answers an action with success and its message. */
    void success(AmiSession s, String actionId, String message) {
        reply(s, Frame.response("Success", actionId).add("Message", message));
    }

    /** Handles one action on the simulator thread. */
    void handle(AmiSession s, Action a) {
        String name = a.name();
        String id = a.actionId();
        if (name == null) {
            error(s, id, "Missing action in request");
            return;
        }
        String action = name.toLowerCase(Locale.ROOT);
        if (!s.isAuthenticated() && !action.equals("login") && !action.equals("challenge")
                && !action.equals("logoff")) {
            error(s, id, "Permission denied");
            return;
        }
        switch (action) {
            case "login" -> login(s, a);
            case "challenge" -> challenge(s, a);
            case "logoff" -> {
                reply(s, Frame.response("Goodbye", id).add("Message", "Thanks for all the fish."));
                s.closeAfterFlush();
            }
            case "ping" -> reply(s, Frame.response("Success", id).add("Ping", "Pong")
                    .add("Timestamp", sim.clock.timestamp()));
            case "events" -> {
                s.eventMask(a.get("EventMask"));
                reply(s, Frame.response("Success", id).add("Events", s.eventsOn() ? "On" : "Off"));
            }
            case "coresettings" -> coreSettings(s, id);
            case "corestatus" -> coreStatus(s, id);
            case "command" -> command(s, a);
            case "coreshowchannels" -> lists.coreShowChannels(this, s, id);
            case "queuestatus" -> lists.queueStatus(this, s, id, a.get("Queue"), a.get("Member"));
            case "queuesummary" -> lists.queueSummary(this, s, id, a.get("Queue"));
            case "status" -> lists.status(this, s, id, a.get("Channel"));
            case "queuepause", "queueadd", "queueremove", "queuepenalty", "queuememberringinuse" ->
                    queueActions.handle(this, s, action, a);
            case "originate" -> callActions.originate(this, s, a);
            case "hangup" -> callActions.hangup(this, s, a);
            case "redirect" -> callActions.redirect(this, s, a);
            case "blindtransfer" -> callActions.blindTransfer(this, s, a);
            case "atxfer" -> callActions.atxfer(this, s, a);
            case "bridge" -> callActions.bridge(this, s, a);
            case "setvar" -> callActions.setvar(this, s, a);
            case "showdialplan" -> callActions.showDialPlan(this, s, a);
            default -> unknown(s, a, name);
        }
    }

    private void unknown(AmiSession s, Action a, String name) {
        error(s, a.actionId(), "Invalid/unknown command");
        // Asterisk reports the bad request as a security event (README: "RequestBadFormat")
        sim.emit(securityEvent("RequestBadFormat", "Error", s).add("RequestType", name));
    }

    private void login(AmiSession s, Action a) {
        String id = a.actionId();
        String user = a.get("Username");
        boolean ok = sim.config.username().equals(user) && secretMatches(s, a);
        if (!ok) {
            log.info("AMI login failed for '{}' from {}", user, s.remote());
            // Asterisk answers, then ends the session (manager.c action_login returns -1)
            error(s, id, "Authentication failed");
            s.closeAfterFlush();
            return;
        }
        s.eventMask(a.get("Events"));
        s.authenticated(user);
        success(s, id, "Authentication accepted");
        long uptime = Math.max(1, sim.clock.epochSeconds() - sim.startEpoch);
        if (s.wants(Frame.event("FullyBooted", "system,all", sim.clock))) {
            s.send(Frame.bare("FullyBooted").add("Privilege", "system,all").add("Uptime", uptime)
                    .add("LastReload", uptime).add("Status", "Fully Booted"));
        }
        sim.emit(securityEvent("SuccessfulAuth", "Informational", s).add("UsingPassword", 0)
                .add("SessionTV", TV.format(Instant.now())));
    }

    private boolean secretMatches(AmiSession s, Action a) {
        String secret = sim.config.secret();
        if ("md5".equalsIgnoreCase(a.get("AuthType"))) {
            String key = a.get("Key");
            return s.challenge != null && key != null && key.equalsIgnoreCase(md5(s.challenge + secret));
        }
        return secret.equals(a.get("Secret"));
    }

    /** MD5 challenge as asterisk-java asks before Login (AuthType MD5, Key = md5(challenge + secret)). */
    private void challenge(AmiSession s, Action a) {
        if (!"md5".equalsIgnoreCase(a.get("AuthType"))) {
            error(s, a.actionId(), "Must specify AuthType");
            return;
        }
        s.challenge = Long.toString(100_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L));
        reply(s, Frame.response("Success", a.actionId()).add("Challenge", s.challenge));
    }

    static String md5(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    private Frame securityEvent(String name, String severity, AmiSession s) {
        return Frame.event(name, "security,all", sim.clock).add("EventTV", TV.format(Instant.now()))
                .add("Severity", severity).add("Service", "AMI").add("EventVersion", 1)
                .add("AccountID", s.username).add("SessionID", s.sessionId)
                .add("LocalAddress", s.localAmiAddress()).add("RemoteAddress", s.remoteAmiAddress());
    }

    private void coreSettings(AmiSession s, String id) {
        reply(s, Frame.response("Success", id).add("AMIversion", "13.0.0").add("AsteriskVersion", VERSION)
                .add("SystemName", "").add("CoreMaxCalls", 0).add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "").add("CoreRunGroup", "").add("CoreMaxFilehandles", 8192)
                .add("CoreRealTimeEnabled", "No").add("CoreCDRenabled", "No").add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No"));
    }

    private void coreStatus(AmiSession s, String id) {
        Instant start = Instant.ofEpochSecond(sim.startEpoch);
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(start);
        String time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(start);
        long current = sim.channels.values().stream().filter(c -> c.name().endsWith(";1")).count();
        reply(s, Frame.response("Success", id).add("CoreStartupDate", date).add("CoreStartupTime", time)
                .add("CoreReloadDate", date).add("CoreReloadTime", time).add("CoreCurrentCalls", current)
                .add("CoreProcessedCalls", sim.processedCalls));
    }

    private void command(AmiSession s, Action a) {
        String cmd = a.get("Command", "").trim();
        if (cmd.equalsIgnoreCase("core show version")) {
            reply(s, Frame.response("Success", a.actionId()).add("Message", "Command output follows")
                    .add("Output", "Asterisk " + VERSION + " built by root @ vm on a x86_64 running Linux"));
        } else {
            reply(s, Frame.response("Error", a.actionId()).add("Message", "Command output follows")
                    .add("Output", "No such command '" + cmd + "' (type 'core show help " + cmd
                            + "' for other possible commands)"));
        }
    }
}
