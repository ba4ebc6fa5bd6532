package org.hotline.asterisklab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built Asterisk 22 on this machine: the prefix named by {@code HOTLINE_ASTERISK_HOME}, else the one
 * {@code build.sh} in {@code HOTLINE_ASTERISK_SOURCE} builds (once; it reuses its cache after that).
 *
 * @param prefix the installation prefix ({@code sbin/asterisk}, {@code lib/asterisk/modules})
 */
public record AsteriskInstall(Path prefix) {

    private static final Logger log = LoggerFactory.getLogger(AsteriskInstall.class);

    /** How to make the live-Asterisk tests run, for the line that says why they were skipped. */
    public static final String HOW_TO_ENABLE = "set HOTLINE_ASTERISK_HOME to an Asterisk 22 prefix, or"
            + " HOTLINE_ASTERISK_SOURCE to a folder with the Asterisk source and build.sh (e.g. ../shared/asterisk;"
            + " .ci/run does)";

    private static volatile Lookup cached;

    /** Validates the prefix. */
    public AsteriskInstall {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** The asterisk binary. */
    public Path binary() {
        return prefix.resolve("sbin").resolve("asterisk");
    }

    /** The loadable modules' folder. */
    public Path modules() {
        return prefix.resolve("lib").resolve("asterisk").resolve("modules");
    }

    /** What the environment offers: an installation, or why there is none. Looked up (and built) once per JVM. */
    public static Lookup find() {
        Lookup l = cached;
        if (l == null) {
            synchronized (AsteriskInstall.class) {
                l = cached;
                if (l == null) {
                    l = find(System::getenv);
                    cached = l;
                }
            }
        }
        return l;
    }

    /** {@link #find()} with the environment given, for tests. */
    static Lookup find(Function<String, String> env) {
        String home = env.apply("HOTLINE_ASTERISK_HOME");
        if (home != null && !home.isBlank()) {
            Path prefix = Path.of(home).toAbsolutePath().normalize();
            if (Files.isExecutable(prefix.resolve("sbin/asterisk"))) {
                return new Lookup(new AsteriskInstall(prefix), null);
            }
            String source = env.apply("HOTLINE_ASTERISK_SOURCE");
            if (source == null || source.isBlank()) {
                return new Lookup(null, "HOTLINE_ASTERISK_HOME=" + home + " has no sbin/asterisk");
            }
        }
        String source = env.apply("HOTLINE_ASTERISK_SOURCE");
        if (source == null || source.isBlank()) {
            return new Lookup(null, "no Asterisk: neither HOTLINE_ASTERISK_HOME nor HOTLINE_ASTERISK_SOURCE is set");
        }
        Path script = Path.of(source).toAbsolutePath().normalize().resolve("build.sh");
        if (!Files.isRegularFile(script)) {
            return new Lookup(null, "HOTLINE_ASTERISK_SOURCE=" + source + " has no build.sh");
        }
        try {
            return new Lookup(build(script, home), null);
        } catch (IOException e) {
            return new Lookup(null, "building Asterisk with " + script + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Lookup(null, "interrupted while building Asterisk");
        }
    }

    /**
     * Runs build.sh (quick when its prefix already holds the build) and takes the prefix from its last line; one
     * build at a time on this machine, as test JVMs run side by side and build.sh installs packages and one prefix.
     */
    private static AsteriskInstall build(Path script, String home) throws IOException, InterruptedException {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "hotline-asterisk-build.lock");
        try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = lock.lock()) {
            return buildLocked(script, home);
        }
    }

    private static AsteriskInstall buildLocked(Path script, String home) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        if (home != null && !home.isBlank()) {
            pb.command().add(home);
        }
        log.info("Asterisk: running {} (the first build takes 2-5 minutes)", script);
        Process p = pb.start();
        StringBuilder tail = new StringBuilder();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.info("build.sh: {}", line);
                last = line;
                tail.append(line).append('\n');
                if (tail.length() > 4000) {
                    tail.delete(0, tail.length() - 4000);
                }
            }
        }
        int code = p.waitFor();
        if (code != 0 || last == null) {
            throw new IOException("exit " + code + ": " + tail);
        }
        Path prefix = Path.of(last.strip());
        if (!Files.isExecutable(prefix.resolve("sbin/asterisk"))) {
            throw new IOException("its last line '" + last + "' is no prefix with sbin/asterisk");
        }
        return new AsteriskInstall(prefix);
    }

    /**
     * The outcome of looking for Asterisk.
     *
     * @param install the installation, or null
     * @param missing why there is none, or null
     */
    public record Lookup(AsteriskInstall install, String missing) {

        /** Whether an installation was found. */
        public boolean found() {
            return install != null;
        }

        /** Whether the environment demands the live tests ({@code HOTLINE_ASTERISK_REQUIRED=true}, as CI sets). */
        public static boolean required(Map<String, String> env) {
            return "true".equalsIgnoreCase(env.getOrDefault("HOTLINE_ASTERISK_REQUIRED", ""));
        }
    }
}
