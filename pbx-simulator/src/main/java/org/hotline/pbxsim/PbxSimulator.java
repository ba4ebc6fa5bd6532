package org.hotline.pbxsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.zip.GZIPInputStream;
import org.hotline.pbxsim.internal.ActionHandler;
import org.hotline.pbxsim.internal.AmiServer;
import org.hotline.pbxsim.internal.Call;
import org.hotline.pbxsim.internal.CallEngine;
import org.hotline.pbxsim.internal.LoadGenerator;
import org.hotline.pbxsim.internal.Replayer;
import org.hotline.pbxsim.internal.Sim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AMI server that speaks like Asterisk 13+ to real clients over TCP: it generates queue calls, replays captures,
 * runs load, and injects faults. Start one with {@link #start(SimulatorConfig)}; close it when done.
 */
public final class PbxSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PbxSimulator.class);

    private final Sim sim;
    private final CallEngine engine;
    private final ActionHandler actions;
    private final Replayer replayer;
    private final AmiServer server;
    private final ScheduledFuture<?> stallCheck;

    private PbxSimulator(SimulatorConfig config) throws InterruptedException {
        this.sim = new Sim(config);
        this.engine = new CallEngine(sim);
        this.actions = new ActionHandler(sim, engine);
        this.replayer = new Replayer(sim);
        try {
            this.server = new AmiServer(sim, actions);
        } catch (InterruptedException | RuntimeException e) {
            sim.shutdown();
            throw e;
        }
        // a stalled reader is dropped even when no new event comes to notice it (Asterisk's writetimeout)
        long period = Math.max(5_000_000L, config.writeTimeout().toNanos() / 4);
        this.stallCheck = sim.every(period, () -> { });
    }

    /** Binds and starts a simulator; with port 0 read the port back from {@link #port()}. */
    public static PbxSimulator start(SimulatorConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            PbxSimulator s = new PbxSimulator(config);
            log.info("PBX simulator listening on {}:{} (queues {})", config.host(), s.port(),
                    config.queues().stream().map(QueueConfig::name).toList());
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        }
    }

    /** The TCP port clients connect to. */
    public int port() {
        return server.port();
    }

    /** The configuration it runs with. */
    public SimulatorConfig config() {
        return sim.config();
    }

    /** Places a call now; the handle knows its Linkedid at once. */
    public CallHandle placeCall(CallSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Call call = sim.onSimThread() ? engine.place(spec, null, null)
                : sim.call(() -> engine.place(spec, null, null)).join();
        return new CallHandle(sim, engine, call);
    }

    /** Replays a capture file ({@code .gz} is gunzipped); completes with the number of events sent. */
    public CompletableFuture<Integer> replay(Path capture, ReplayOptions options) {
        try (InputStream in = Files.newInputStream(capture)) {
            byte[] bytes = capture.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes()
                    : in.readAllBytes();
            return replay(bytes, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replays a captured transcript; completes with the number of events sent. */
    public CompletableFuture<Integer> replay(byte[] transcript, ReplayOptions options) {
        return replayer.replay(transcript, Objects.requireNonNull(options, "options"));
    }

    /** Starts a load run; it stops by itself at the profile's bound. */
    public LoadRun startLoad(LoadProfile profile) {
        LoadGenerator generator = new LoadGenerator(sim, engine, Objects.requireNonNull(profile, "profile"));
        LoadRun run = new LoadRun(generator);
        generator.start();
        return run;
    }

    /** Adds a listener told right after each AgentCalled frame is flushed to a client. */
    public void onAgentCalled(AgentCalledListener listener) {
        sim.hub().addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Closes every client connection (clients read EOF); the server keeps accepting new ones. */
    public void dropConnections() {
        sim.execute(() -> sim.hub().closeAll());
    }

    /** Writes raw text to every connected client (garbage, a 1 MB line…), in order with events. */
    public void sendRaw(String text) {
        sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes raw bytes to every connected client, in order with events. */
    public void sendRaw(byte[] bytes) {
        byte[] copy = bytes.clone();
        sim.execute(() -> sim.hub().sendRaw(copy));
    }

    /** Greets new connections with this banner instead of the configured one; {@code null} restores it. */
    public void useBanner(String banner) {
        actions.bannerOverride(banner);
    }

    /** Delays every action response by this much (events are not delayed); zero answers at once. */
    public void delayResponses(Duration delay) {
        actions.responseDelay(delay.toNanos());
    }

    /**
     * Takes an agent extension's phone offline (an Originate of it, Hotline's click-to-dial, answers Error) or back
     * online (it rings and answers after a simulated second).
     */
    public void phoneOnline(String extension, boolean online) {
        Objects.requireNonNull(extension, "extension");
        sim.call(() -> {
            engine.phoneOnline(extension, online);
            return null;
        }).join();
    }

    /**
     * Makes the configured queue members dynamic, as a Hotline deployment's are (queues.conf members are static and
     * Asterisk refuses QueueRemove of them with "Not dynamic"), so agents can log out of and into queues.
     */
    public void membersDynamic() {
        sim.call(() -> {
            sim.makeMembersDynamic();
            return null;
        }).join();
    }

    /** How many clients are connected, logged in or not. */
    public int connectedClients() {
        return sim.hub().sessions().size();
    }

    /** How many generated calls have not ended yet. */
    public int liveCalls() {
        return sim.call(engine::liveCalls).join();
    }

    /** Closes the server, every connection and the simulator thread. */
    @Override
    public void close() {
        stallCheck.cancel(false);
        server.close();
        sim.shutdown();
    }
}
