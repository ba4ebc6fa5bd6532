package org.hotline.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A CSV import larger than hotline.desktop.max-body-size (32MB) is refused before it fills the heap, whether it
 * declares its length or comes chunked, and the server goes on answering (issue #13's 100 MB upload).
 */
@SimulatedServerTest
class RequestBodyLimitIntegrationTests {

    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void aDeclaredBodyOverTheLimitIsA413BeforeItIsRead() {
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            HttpResponse<String> r = admin.post("/api/network/import", "text/csv",
                    HttpRequest.BodyPublishers.ofByteArray(new byte[33 * MB]));
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("expected: <= 33554432").contains("hotline.desktop.max-body-size");
            assertThat(admin.get("/api/me").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitAndTheServerGoesOn() {
        try (AgentClient admin = AgentClient.login(port, "admin", DemoUsers.ADMIN_PASSWORD)) {
            try {
                HttpResponse<String> r = admin.post("/api/network/import", "text/csv",
                        HttpRequest.BodyPublishers.ofInputStream(() -> csv(40)));
                assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
                // the endpoint's own advice words the cut-off stream as an unreadable body
                assertThat(r.body()).containsAnyOf("max-body-size", "unreadable body");
            } catch (IllegalStateException e) {
                // the server answered and closed the connection while the rest of the upload was still coming
                assertThat(e).hasRootCauseInstanceOf(java.io.IOException.class);
            }
            assertThat(admin.get("/api/me").statusCode()).isEqualTo(200);
        }
    }

    // a header line and then n MB of lines, produced as read
    private static InputStream csv(int megabytes) {
        byte[] line = "SS9,北站,L9,北9线,,\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] block = new byte[MB];
        for (int i = 0; i + line.length <= block.length; i += line.length) {
            System.arraycopy(line, 0, block, i, line.length);
        }
        return new SequenceInputStream(Collections.enumeration(Collections.nCopies(megabytes, 0).stream()
                .map(x -> (InputStream) new ByteArrayInputStream(block)).toList()));
    }
}
