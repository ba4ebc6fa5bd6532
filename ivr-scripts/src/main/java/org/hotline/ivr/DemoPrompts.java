package org.hotline.ivr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's spoken prompts: for every {@link Prompt} without a sound file in the prompts folder, {@code espeak-ng}
 * speaks {@link Prompt#zh()} (Mandarin voice {@code cmn}) and {@code sox} turns it into the 8 kHz 16-bit mono WAV
 * Asterisk plays as {@code hotline/<id>}. Files already there (a company's own recordings, in any format) are kept.
 * Without the tools it writes nothing and logs how to get them. Also writes the catalogue ({@link #catalogue()}).
 */
public final class DemoPrompts {

    private static final Logger log = LoggerFactory.getLogger(DemoPrompts.class);
    private static final long TOOL_TIMEOUT_SECONDS = 30;

    private final String espeak;
    private final String sox;
    private final String voice;

    /** Generation with these commands (names on the PATH or paths) and espeak-ng voice. */
    public DemoPrompts(String espeak, String sox, String voice) {
        this.espeak = espeak;
        this.sox = sox;
        this.voice = voice;
    }

    /** Debian's {@code espeak-ng} and {@code sox} with the Mandarin voice. */
    public static DemoPrompts debian() {
        return new DemoPrompts("espeak-ng", "sox", "cmn");
    }

    /**
     * What one run did.
     *
     * @param written    prompts spoken into new files
     * @param kept       prompts that already had a file
     * @param missingTool the tool not found ("" when both ran), in which case nothing was written
     */
    public record Result(int written, int kept, String missingTool) {
    }

    /** Writes {@code <dir>/<id>.wav} for every prompt without a file of that name (any extension) in {@code dir}. */
    public Result ensure(Path dir) {
        List<Prompt> missing = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Prompt p : Prompt.values()) {
                if (!hasFile(dir, p.id())) {
                    missing.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("prompts folder " + dir + ": " + e.getMessage(), e);
        }
        int kept = Prompt.values().length - missing.size();
        if (missing.isEmpty()) {
            return new Result(0, kept, "");
        }
        for (String tool : List.of(espeak, sox)) {
            if (!runs(tool, "--version")) {
                log.warn("IVR demo prompts: {} of {} sound files are missing in {} and '{}' is not installed, so the "
                        + "IVR plays silence for them. Install the tools (Debian: apt-get install espeak-ng sox) and "
                        + "restart, or record your own as {}/<id>.wav (8 kHz 16-bit mono; ids in docs/ivr-prompts.md)",
                        missing.size(), Prompt.values().length, dir.toAbsolutePath(), tool, dir.toAbsolutePath());
                return new Result(0, kept, tool);
            }
        }
        int written = 0;
        for (Prompt p : missing) {
            if (speak(p, dir)) {
                written++;
            }
        }
        log.info("IVR demo prompts: {} spoken by {} into {} ({} kept)", written, espeak, dir.toAbsolutePath(), kept);
        return new Result(written, kept, "");
    }

    private boolean speak(Prompt p, Path dir) {
        Path spoken = dir.resolve("." + p.id() + ".espeak.wav");
        Path partial = dir.resolve("." + p.id() + ".part.wav");
        try {
            if (!runs(espeak, "-v", voice, "-w", spoken.toString(), p.zh())
                    || !runs(sox, spoken.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer",
                    partial.toString())) {
                log.warn("IVR demo prompts: {} could not be spoken (see the lines above)", p.id());
                return false;
            }
            // a file appears whole or not at all: Asterisk may be reading the folder
            Files.move(partial, dir.resolve(p.id() + ".wav"), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            log.warn("IVR demo prompts: {} not written: {}", p.id(), e.toString());
            return false;
        } finally {
            try {
                Files.deleteIfExists(spoken);
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.debug("could not delete a temporary prompt file: {}", e.toString());
            }
        }
    }

    private static boolean hasFile(Path dir, String id) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).anyMatch(n -> n.startsWith(id + "."));
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.warn("IVR demo prompts: {} did not finish in {} s", command[0], TOOL_TIMEOUT_SECONDS);
                return false;
            }
            if (p.exitValue() != 0) {
                log.warn("IVR demo prompts: {} exited with {}", String.join(" ", command), p.exitValue());
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false; // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The prompt catalogue as Markdown (docs/ivr-prompts.md is this text): id, file, Chinese and English. */
    public static String catalogue() {
        StringBuilder md = new StringBuilder("""
                # IVR prompts

                Generated from `ivr-scripts/src/main/java/org/hotline/ivr/Prompt.java` (a test fails when this file
                and the catalogue differ; `DemoPromptsTests` says how to regenerate it). Asterisk plays each as
                `hotline/<id>` from `<astdatadir>/sounds/zh/hotline/` (Docker: `docker/asterisk-media/prompts/`).
                The demo speaks them with espeak-ng; record your own under the same names (8 kHz 16-bit mono WAV, or
                any format Asterisk plays) and they are kept. Numbers, amounts, dates and times are assembled from the
                word prompts at the end.

                | id | file | zh-CN | English |
                | --- | --- | --- | --- |
                """);
        for (Prompt p : Prompt.values()) {
            md.append("| `").append(p.id()).append("` | `").append(p.file()).append("` | ").append(cell(p.zh()))
                    .append(" | ").append(cell(p.en())).append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
