package org.hotline.cti.testing;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.ami.internal.AmiFrameDecoder;

/** Finds and decodes the captured Asterisk traffic in the repository's {@code testdata/ami}. */
public final class AmiFixtures {

    private AmiFixtures() {
    }

    /** The captures kept in the repository ({@code testdata/ami}), found from any module's working directory. */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata").resolve("ami");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/ami not found above " + Path.of("").toAbsolutePath());
    }

    /** The raw bytes of a capture such as {@code 01-answered-completed.ami.txt} (gunzipped if it ends in .gz). */
    public static byte[] bytes(String name) {
        Path file = dir().resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a capture into its frames, the banner first. */
    public static List<AmiMessage> messages(String name) {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder(8192, 1024));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(name)));
        List<AmiMessage> out = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            out.add((AmiMessage) o);
        }
        channel.finishAndReleaseAll();
        return out;
    }
}
