package org.hotline.pbxsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.pbxsim.internal.Transcript;

/** Finds the captured Asterisk traffic in the repository's {@code testdata/ami} (as cti-core's AmiFixtures does). */
final class Captures {

    private Captures() {
    }

    /** The captures kept in the repository ({@code testdata/ami}), found from any module's working directory. */
    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata").resolve("ami");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/ami not found above " + Path.of("").toAbsolutePath());
    }

    static Path path(String name) {
        return dir().resolve(name);
    }

    static byte[] bytes(String name) {
        try (InputStream in = Files.newInputStream(path(name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capture's messages as test messages. */
    static List<AmiTestClient.Msg> messages(String name) {
        return Transcript.parse(bytes(name)).stream()
                .map(m -> new AmiTestClient.Msg(List.copyOf(m.headers()))).toList();
    }

    /** The Linkedid of the n-th call (by first Newchannel) in a capture. */
    static String linkedidOfCall(List<AmiTestClient.Msg> messages, int n) {
        return messages.stream().filter(m -> m.isEvent("Newchannel") && m.get("Channel").endsWith(";1")
                && m.get("Uniqueid").equals(m.get("Linkedid"))).skip(n).findFirst().orElseThrow().get("Linkedid");
    }

    static Map.Entry<String, String> entry(String k, String v) {
        return Map.entry(k, v);
    }
}
