package org.hotline.asterisklab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Asterisk for a test run: its own directory tree and AMI port, Hotline's configuration from
 * {@code docker/asterisk} as shipped, with the site file replaced by simulated phones, trunk and callers
 * ({@code overlay/extensions-site.conf}), an empty {@code modules-pjsip.conf} (no SIP stack is built here), and a
 * second AMI user {@value #LAB_USER} with full rights for the test driver. Hotline's own user keeps the shipped
 * least privilege, so the tests prove that it suffices.
 */
public final class LabAsterisk implements AutoCloseable {

    /** The AMI user Hotline logs in as (the shipped manager.conf section). */
    public static final String HOTLINE_USER = "hotline";
    /** The AMI user of the test driver. */
    public static final String LAB_USER = "lab";

    private static final Logger log = LoggerFactory.getLogger(LabAsterisk.class);
    private static final Pattern LOG_PROBLEM = Pattern.compile("\\] (WARNING|ERROR)\\[");

    private final AsteriskInstall install;
    private final Path run;
    private final int amiPort;
    private final String hotlineSecret;
    private final String labSecret;
    private Process process;

    private LabAsterisk(AsteriskInstall install, Path run, int amiPort, String hotlineSecret, String labSecret) {
        this.install = install;
        this.run = run;
        this.amiPort = amiPort;
        this.hotlineSecret = hotlineSecret;
        this.labSecret = labSecret;
    }

    /** Lays out a run directory with the repository's {@code docker/asterisk} and starts Asterisk in it. */
    public static LabAsterisk start(AsteriskInstall install) {
        return start(install, shippedConfiguration());
    }

    /** Lays out a run directory with the configuration in {@code configDir} and starts Asterisk in it. */
    public static LabAsterisk start(AsteriskInstall install, Path configDir) {
        try {
            Path run = Files.createTempDirectory("hotline-asterisk-");
            LabAsterisk lab = new LabAsterisk(install, run, freePort(), secret(), secret());
            lab.layOut(configDir);
            lab.launch();
            return lab;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code docker/asterisk} folder of the repository this runs in (searched upwards from the working dir). */
    public static Path shippedConfiguration() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("docker").resolve("asterisk");
            if (Files.isRegularFile(candidate.resolve("extensions.conf"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("docker/asterisk not found above " + Path.of("").toAbsolutePath());
    }

    /** The AMI port on 127.0.0.1. */
    public int amiPort() {
        return amiPort;
    }

    /** The secret of {@value #HOTLINE_USER}. */
    public String hotlineSecret() {
        return hotlineSecret;
    }

    /** The secret of {@value #LAB_USER}. */
    public String labSecret() {
        return labSecret;
    }

    /** The run directory (etc, lib, log, spool, run). */
    public Path runDirectory() {
        return run;
    }

    /** Runs a CLI command on the running Asterisk ({@code asterisk -rx}) and returns what it printed. */
    public String cli(String command) {
        try {
            Process p = new ProcessBuilder(install.binary().toString(), "-C", conf().toString(), "-rx", command)
                    .redirectErrorStream(true).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("asterisk -rx '" + command + "' did not finish in 30 s");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The lines of {@code queue_log} so far. */
    public List<String> queueLog() {
        return lines(run.resolve("log").resolve("queue_log"));
    }

    /** The WARNING and ERROR lines of the {@code messages} log so far. */
    public List<String> logProblems() {
        return lines(run.resolve("log").resolve("messages")).stream().filter(l -> LOG_PROBLEM.matcher(l).find())
                .toList();
    }

    /** The last {@code n} lines of the {@code messages} log, for a failing test's report. */
    public String logTail(int n) {
        List<String> all = lines(run.resolve("log").resolve("messages"));
        return String.join("\n", all.subList(Math.max(0, all.size() - n), all.size()));
    }

    /**
     * Writes a short tone as each of these sound files ({@code hotline/<id>}, no extension) in the {@code zh} and
     * {@code en} sounds directories, so a script's prompts play (and take {@code length}) instead of failing.
     */
    public void installSounds(Collection<String> files, Duration length) {
        byte[] tone = Wav.tone(523, length);
        try {
            for (String lang : List.of("en", "zh")) {
                for (String file : files) {
                    Path target = run.resolve("lib/sounds/" + lang).resolve(file + ".wav").normalize();
                    if (!target.startsWith(run.resolve("lib/sounds"))) {
                        throw new IllegalArgumentException("sound file: '" + file + "' (expected: under sounds/)");
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, tone);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the Asterisk process is running. */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops Asterisk at once (calls in progress are cut), as a crash or {@code core stop now} would. */
    public void stop() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            cli("core stop now");
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        process = null;
    }

    /** Stops and starts Asterisk again on the same port and directories (persistent queue members survive). */
    public void restart() {
        stop();
        launch();
    }

    /** Stops Asterisk and deletes its run directory. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> all = Files.walk(run)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", run, e.toString());
        }
    }

    private Path conf() {
        return run.resolve("etc").resolve("asterisk.conf");
    }

    private void layOut(Path configDir) throws IOException {
        Path etc = Files.createDirectories(run.resolve("etc"));
        for (String dir : List.of("lib/moh", "lib/sounds/en/hotline", "lib/sounds/zh/hotline", "spool", "run",
                "log/cdr-csv", "agi-bin")) {
            Files.createDirectories(run.resolve(dir));
        }
        try (Stream<Path> files = Files.list(configDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".conf")).toList()) {
                Files.copy(f, etc.resolve(f.getFileName()));
            }
        }
        // no SIP stack in this build: pjsip.conf is shipped but cannot be loaded here
        Files.deleteIfExists(etc.resolve("pjsip.conf"));
        Files.writeString(etc.resolve("modules-pjsip.conf"), "; the lab's Asterisk has no SIP stack\n");
        Files.writeString(etc.resolve("extensions-site.conf"), resource("overlay/extensions-site.conf"));
        Files.writeString(etc.resolve("manager.conf"), labManagerConf(Files.readString(etc.resolve("manager.conf"))));
        Files.writeString(conf(), """
                [directories]
                astetcdir => %1$s/etc
                astmoddir => %2$s
                astvarlibdir => %1$s/lib
                astdbdir => %1$s/lib
                astkeydir => %1$s/lib
                astdatadir => %1$s/lib
                astagidir => %1$s/agi-bin
                astspooldir => %1$s/spool
                astrundir => %1$s/run
                astlogdir => %1$s/log
                astsbindir => %3$s
                [options]
                verbose = 1
                """.formatted(run, install.modules(), install.binary().getParent()));
        // the prompts and hold music the configuration names: a short tone stands in for recorded audio
        byte[] tone = Wav.tone(440, Duration.ofSeconds(2));
        Files.write(run.resolve("lib/moh/tone.wav"), tone);
        for (String lang : List.of("en", "zh")) {
            Files.write(run.resolve("lib/sounds/" + lang + "/hotline/after-queue.wav"), tone);
        }
    }

    /** The shipped manager.conf on this run's port and loopback, with a random secret, plus the lab's user. */
    String labManagerConf(String shipped) {
        String s = shipped.replaceFirst("(?m)^port\\s*=.*$", "port = " + amiPort)
                .replaceFirst("(?m)^bindaddr\\s*=.*$", "bindaddr = 127.0.0.1")
                .replaceAll("(?m)^permit\\s*=.*$", "permit = 127.0.0.1/255.255.255.255")
                .replaceFirst("(?m)^secret\\s*=.*$", "secret = " + hotlineSecret);
        if (s.equals(shipped) || !s.contains("[" + HOTLINE_USER + "]")) {
            throw new IllegalStateException("manager.conf has no [general] port/bindaddr or no [hotline] user");
        }
        return s + """

                ; added by the test harness: the test driver's own user
                [%s]
                secret = %s
                deny = 0.0.0.0/0.0.0.0
                permit = 127.0.0.1/255.255.255.255
                read = all
                write = all
                """.formatted(LAB_USER, labSecret);
    }

    private void launch() {
        try {
            ProcessBuilder pb = new ProcessBuilder(install.binary().toString(), "-C", conf().toString(), "-f", "-n",
                    "-q").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolve("log/stdout").toFile()));
            process = pb.start();
            log.info("Asterisk started in {} (pid {}, AMI port {})", run, process.pid(), amiPort);
            awaitAmi(Duration.ofSeconds(60));
            String booted = cli("core waitfullybooted");
            if (!booted.contains("fully booted")) {
                throw new IllegalStateException("Asterisk did not boot: " + booted + "\n" + logTail(40));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAmi(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Asterisk exited with " + process.exitValue() + ":\n" + logTail(40));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", amiPort), 1000);
                s.setSoTimeout(2000);
                byte[] banner = new byte[64];
                int n = s.getInputStream().read(banner);
                if (n > 0 && new String(banner, 0, n, StandardCharsets.US_ASCII).startsWith("Asterisk Call Manager")) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(50); // polling a port that is not open yet: nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("AMI did not open on port " + amiPort + " in " + timeout + ": " + last
                + "\n" + logTail(40));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(LabAsterisk.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String secret() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
