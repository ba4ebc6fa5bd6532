package org.hotline.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo prompts: the catalogue document, files spoken only where missing, and a clear outcome without the tools. */
class DemoPromptsTests {

    @TempDir
    Path root;

    // the prompts folder, and the fake tools' folder beside it
    private Path dir;

    @BeforeEach
    void folders() throws IOException {
        dir = Files.createDirectories(root.resolve("prompts"));
    }

    @Test
    void catalogueDocumentIsTheCatalogueOfPromptJava() throws IOException {
        Path doc = repository().resolve("docs/ivr-prompts.md");
        if (Boolean.getBoolean("hotline.write-prompt-catalogue")) {
            Files.writeString(doc, DemoPrompts.catalogue());
        }
        assertThat(Files.readString(doc)).as("docs/ivr-prompts.md is out of date: regenerate it with mvn -o -q -pl "
                + "ivr-scripts test -Dtest=DemoPromptsTests -Dhotline.write-prompt-catalogue=true")
                .isEqualTo(DemoPrompts.catalogue());
        assertThat(DemoPrompts.catalogue()).contains("| `welcome` | `hotline/welcome` | " + Prompt.WELCOME.zh());
    }

    @Test
    void missingPromptsAreSpokenFromTheirChineseTextAndARecordingOfTheCompanyIsKept() throws IOException {
        Files.writeString(dir.resolve("welcome.sln"), "our own recording");
        DemoPrompts prompts = new DemoPrompts(tool("espeak", """
                out=""; prev=""; last=""
                for a in "$@"; do [ "$prev" = "-w" ] && out="$a"; prev="$a"; last="$a"; done
                [ -n "$out" ] && printf '%s|%s' "$*" "" > "$out"
                exit 0"""), tool("sox", """
                [ "$1" = "--version" ] && exit 0
                for a in "$@"; do last="$a"; done
                printf 'sox %s|' "$*" | cat - "$1" > "$last\""""), "cmn");

        DemoPrompts.Result r = prompts.ensure(dir);

        assertThat(r).isEqualTo(new DemoPrompts.Result(Prompt.values().length - 1, 1, ""));
        assertThat(Files.readString(dir.resolve("welcome.sln"))).isEqualTo("our own recording");
        assertThat(dir.resolve("welcome.wav")).doesNotExist();
        String goodbye = Files.readString(dir.resolve("goodbye.wav"));
        assertThat(goodbye).startsWith("sox ").contains("-r 8000 -c 1 -b 16").contains("-v cmn")
                .contains(Prompt.GOODBYE.zh());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(Prompt.values().length)
                    .noneMatch(n -> n.startsWith("."));
        }
        // a second start has nothing left to do
        assertThat(prompts.ensure(dir)).isEqualTo(new DemoPrompts.Result(0, Prompt.values().length, ""));
    }

    @Test
    void withoutEspeakNothingIsWrittenAndTheResultNamesTheMissingTool() throws IOException {
        DemoPrompts.Result r = new DemoPrompts("/nonexistent/espeak-ng", "sox", "cmn").ensure(dir);

        assertThat(r).isEqualTo(new DemoPrompts.Result(0, 0, "/nonexistent/espeak-ng"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** Only where Debian's espeak-ng and sox are installed: the files are what Asterisk plays, 8 kHz 16-bit mono. */
    @Test
    void debianToolsSpeakEightKilohertzSixteenBitMonoWav() throws IOException {
        assumeTrue(onPath("espeak-ng") && onPath("sox"), "espeak-ng and sox are not installed");
        for (Prompt p : Prompt.values()) {
            if (p != Prompt.GOODBYE) {
                Files.writeString(dir.resolve(p.id() + ".wav"), "kept");
            }
        }
        assertThat(DemoPrompts.debian().ensure(dir).written()).isEqualTo(1);

        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("goodbye.wav"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(header.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(header.capacity()).as("about a second of speech at least").isGreaterThan(16_000);
    }

    // a shell script standing in for a tool: the test must not need espeak-ng
    private String tool(String name, String body) throws IOException {
        Path f = Files.createDirectories(root.resolve("bin")).resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f.toString();
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    private static Path repository() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("ivr-scripts"))) {
                return p;
            }
        }
        throw new IllegalStateException("the repository's docs/ not found above " + Path.of("").toAbsolutePath());
    }
}
