package org.hotline.server.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.server.testing.CrewTestNetwork;
import org.hotline.workorder.WorkOrders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The crew app on the whole server: tokens issued through the desk's login and CSRF, the crew API in its own
 * chain (a desk session is no crew token), the public page under the strict CSP, and the OpenAPI description.
 * Same server settings as {@code DeskApiIntegrationTests}, so they share one Spring context.
 */
@SimulatedServerTest
class CrewApiServerIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    WorkOrders orders;

    @Test
    void anAdminIssuesATokenASupervisorAssignsAndTheCrewWorksWithTheTokenAlone() throws Exception {
        CrewTestNetwork net = new CrewTestNetwork(dataSource);
        long order = net.orderAtTeam(orders, "整栋楼停电");
        DeskHttp admin = DeskHttp.login(port, "admin", DemoUsers.ADMIN_PASSWORD);
        DeskHttp.Answer issued = admin.post("/api/work-orders/crew-tokens", Map.of("crew", net.crew,
                "memberName", "张师傅", "memberPhone", "13900000001"));
        assertThat(issued.status()).as("%s", issued.body()).isEqualTo(201);
        String token = issued.body().get("secret").asText();
        DeskHttp agent = DeskHttp.login(port, "agent1001", DemoUsers.AGENT_PASSWORD);
        assertThat(agent.post("/api/work-orders/crew-tokens", Map.of("crew", net.crew, "memberName", "x")).status())
                .isEqualTo(403);
        DeskHttp supervisor = DeskHttp.login(port, "supervisor", DemoUsers.SUPERVISOR_PASSWORD);
        assertThat(supervisor.post("/api/work-orders/" + order + "/crew", Map.of("crew", net.crew)).status())
                .isEqualTo(200);

        HttpResponse<String> mine = crew(token, "GET", "/api/crew/orders");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(net.address, "\"next\":\"accept\"");
        assertThat(crew(token, "POST", "/api/crew/orders/" + order + "/accept").statusCode()).isEqualTo(200);
        // the desk's session authenticates the desk only: the crew API wants its token
        assertThat(agent.get("/api/crew/orders").status()).isEqualTo(401);
        assertThat(supervisor.get("/api/work-orders/" + order + "/crew").body().toString())
                .contains("\"kind\":\"accepted\"", "张师傅");
        // crews' positions are the dispatchers' business
        assertThat(agent.get("/api/work-orders/" + order + "/crew").status()).isEqualTo(403);

        assertThat(admin.post("/api/work-orders/crew-tokens/" + issued.body().get("id").asLong() + "/revoke",
                Map.of("reason", "离职")).status()).isEqualTo(200);
        HttpResponse<String> revoked = crew(token, "GET", "/api/crew/orders");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("revoked", "离职");
    }

    @Test
    void theCrewPageLoadsWithoutALoginUnderTheStrictPolicy() throws Exception {
        for (String path : new String[] {"/crew.html", "/crew/crew.js", "/crew/crew.css"}) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'", "style-src 'self'").doesNotContain("unsafe-inline"));
        }
    }

    @Test
    void theOpenApiDescriptionDocumentsTheCrewApiAndItsBearerTokenForLoggedInUsers() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isNotEqualTo(200);
        DeskHttp admin = DeskHttp.login(port, "admin", DemoUsers.ADMIN_PASSWORD);
        DeskHttp.Answer docs = admin.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/components/securitySchemes/crewToken/scheme").asText()).isEqualTo("bearer");
        assertThat(docs.body().at("/paths/~1api~1crew~1orders~1{id}~1arrive/post/summary").asText())
                .contains("on site");
        assertThat(docs.body().at("/paths/~1api~1crew~1orders~1{id}~1done/post/requestBody/content").toString())
                .contains("multipart/form-data");
        assertThat(docs.body().at("/paths/~1api~1work-orders~1crew-tokens/post").isMissingNode()).isFalse();
    }

    private HttpResponse<String> crew(String token, String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
