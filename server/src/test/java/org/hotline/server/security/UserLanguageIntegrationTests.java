package org.hotline.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.AgentClient;
import org.hotline.server.testing.SimulatedServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each user's language for the pages, remembered on the server (issue #16, docs/adr/0028). */
@SimulatedServerTest
class UserLanguageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void chineseAgain() {
        // other classes of this context expect the default
        jdbc.update("update users set language = null where username = 'dispatcher'");
    }

    @Test
    void theChosenLanguageIsRememberedForTheUserAndComesBackInAnotherSession() {
        try (AgentClient first = AgentClient.login(port, "dispatcher", DemoUsers.DISPATCHER_PASSWORD)) {
            assertThat(first.get("/api/me").body()).contains("\"language\":null");
            HttpResponse<String> r = first.sendJson("PUT", "/api/me/language", "{\"language\":\"en\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        try (AgentClient second = AgentClient.login(port, "dispatcher", DemoUsers.DISPATCHER_PASSWORD)) {
            assertThat(second.get("/api/me").body()).contains("\"language\":\"en\"");
        }
    }

    @Test
    void aLanguageThePagesDoNotSpeakIsRefusedWithTheReason() {
        try (AgentClient user = AgentClient.login(port, "dispatcher", DemoUsers.DISPATCHER_PASSWORD)) {
            for (String body : new String[] {"{\"language\":\"fr\"}", "{}", ""}) {
                HttpResponse<String> r = user.sendJson("PUT", "/api/me/language", body);
                assertThat(r.statusCode()).as(body).isEqualTo(400);
                assertThat(r.body()).as(body).contains("unsupported_language");
            }
            assertThat(user.get("/api/me").body()).contains("\"language\":null");
        }
    }
}
