package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.hotline.cti.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The crew app's API over real HTTP with its own filter chain and tokens, on a real PostgreSQL: the desk's side
 * (tokens, assignment) authenticates with HTTP Basic here, the server's login in production.
 */
@SpringBootTest(classes = CrewApiIntegrationTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.enabled=false", "spring.main.banner-mode=off",
            "spring.servlet.multipart.max-file-size=20MB", "spring.servlet.multipart.max-request-size=64MB"})
class CrewApiIntegrationTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableMethodSecurity
    static class App {
        @Bean(destroyMethod = "close")
        WorkOrderTestDatabase workOrderTestDatabase() {
            WorkOrderTestDatabase db = new WorkOrderTestDatabase();
            // two crews of team T1 (repair centre RC1), one of team T2
            db.jdbc.update("""
                    insert into work_order_units (code, name, kind, repair_centre_id, parent_id)
                    select c.code, c.name, 'crew', t.repair_centre_id, t.id
                    from (values ('C1', '抢修一组', 'T1'), ('C2', '抢修二组', 'T1'), ('C9', '二班一组', 'T2'))
                         as c(code, name, team) join work_order_units t on t.code = c.team""");
            return db;
        }

        @Bean
        DataSource dataSource(WorkOrderTestDatabase db) {
            return db.pool;
        }

        @Bean
        RecordingPushBus pushBus() {
            return new RecordingPushBus("node-1");
        }

        @Bean
        Clock clock() {
            return new TestClock(WorkOrderTestDatabase.NOW);
        }

        @Bean
        SecurityFilterChain desk(HttpSecurity http) throws Exception {
            http.csrf(c -> c.disable()).httpBasic(b -> { })
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated());
            return http.build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("admin").password("{noop}pw").roles("ADMIN").build(),
                    User.withUsername("supervisor").password("{noop}pw").roles("SUPERVISOR").build(),
                    User.withUsername("agent1001").password("{noop}pw").roles("AGENT").build(),
                    User.withUsername("dispatcher").password("{noop}pw").roles("DISPATCHER").build(),
                    User.withUsername("crew7").password("{noop}pw").roles("CREW").build());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    WorkOrderTestDatabase db;
    @Autowired
    WorkOrders orders;
    @Autowired
    RecordingPushBus bus;
    @Autowired
    Clock clock;

    private long order;

    record Answer(int status, JsonNode body) {
        String message() {
            return body.path("message").asText();
        }
    }

    @BeforeEach
    void anOrderAtTeamT1() {
        db.jdbc.update("delete from work_orders");
        order = orders.create(new CreateWorkOrder("repair", "1700000000.1", null, null, null, "停电", null, null,
                false, "agent1001", PointSource.DESK)).id();
        orders.recordPoint(order, Point.B, null, "agent1001", PointSource.DESK, null, null);
        orders.recordPoint(order, Point.C, null, "rc1", PointSource.DESK, null, null);
        orders.recordPoint(order, Point.D, null, "rc1", PointSource.DESK, "T1", null);
    }

    @Test
    void anAdminIssuesATokenThatWorksUntilRevokedAndOnlyItsHashIsStored() throws Exception {
        Answer issued = desk("admin", "POST", "/api/work-orders/crew-tokens",
                "{\"crew\":\"C1\",\"memberName\":\"张师傅\",\"memberPhone\":\"13900000001\"}");
        assertThat(issued.status()).as("%s", issued.body()).isEqualTo(201);
        String secret = issued.body().get("secret").asText();
        assertThat(secret).startsWith("hc_").hasSizeGreaterThan(40);
        byte[] stored = db.jdbc.queryForObject("select token_hash from work_order_crew_tokens where id = ?",
                byte[].class, issued.body().get("id").asLong());
        assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        Answer list = desk("admin", "GET", "/api/work-orders/crew-tokens", null);
        assertThat(list.body().toString()).doesNotContain(secret).contains("张师傅");
        assertThat(desk("supervisor", "POST", "/api/work-orders/crew-tokens", "{\"crew\":\"C1\",\"memberName\":\"x\"}")
                .status()).isEqualTo(403);
        assertThat(desk("admin", "POST", "/api/work-orders/crew-tokens", "{\"crew\":\"T1\",\"memberName\":\"x\"}")
                .status()).isEqualTo(422);

        Answer me = crew(secret, "GET", "/api/crew/me", null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("name").asText()).isEqualTo("张师傅");
        assertThat(me.body().get("crew").asText()).isEqualTo("C1");
        assertThat(crew(null, "GET", "/api/crew/orders", null).message()).contains("Bearer");
        Answer unknown = crew("hc_nosuchtoken", "GET", "/api/crew/orders", null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.message()).contains("unknown crew token");

        Answer revoked = desk("admin", "POST", "/api/work-orders/crew-tokens/" + issued.body().get("id").asLong()
                + "/revoke", "{\"reason\":\"手机丢失\"}");
        assertThat(revoked.body().get("revokedBy").asText()).isEqualTo("admin");
        Answer after = crew(secret, "GET", "/api/crew/orders", null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.message()).contains("revoked", "admin", "手机丢失");
    }

    @Test
    void aCrewMembersAccountSignsInForATokenOfItsCrewThatEndsWithTheShiftTheNextSignInOrTheAccount() throws Exception {
        db.jdbc.update("""
                insert into users (username, display_name, password_hash, role) values ('crew7', '杨帆', 'x', 'CREW')
                on conflict (username) do update set enabled = true, role = 'CREW'""");
        db.jdbc.update("delete from work_order_crew_accounts");
        Answer unbound = desk("crew7", "POST", "/api/me/crew-token", "");
        assertThat(unbound.status()).isEqualTo(422);
        assertThat(unbound.message()).contains("assigns the account a crew");
        assertThat(desk("supervisor", "PUT", "/api/work-orders/crew-accounts/crew7", "{\"crew\":\"C1\"}").status())
                .isEqualTo(403);
        assertThat(desk("admin", "PUT", "/api/work-orders/crew-accounts/crew7", "{\"crew\":\"T1\"}").message())
                .contains("a team, not a crew");
        assertThat(desk("admin", "PUT", "/api/work-orders/crew-accounts/nobody", "{\"crew\":\"C1\"}").message())
                .contains("no user of role CREW");
        assertThat(desk("admin", "PUT", "/api/work-orders/crew-accounts/crew7", "{\"crew\":\"C1\"}").status())
                .isEqualTo(200);
        assertThat(desk("admin", "GET", "/api/work-orders/crew-accounts", null).body().get("crew7").asText())
                .isEqualTo("C1");
        assertThat(desk("agent1001", "POST", "/api/me/crew-token", "").status()).isEqualTo(403);
        assertThat(desk("dispatcher", "POST", "/api/me/crew-token", "").status()).isEqualTo(403);

        Answer first = desk("crew7", "POST", "/api/me/crew-token", "");
        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        assertThat(first.body().get("expiresAt").asText()).isEqualTo(WorkOrderTestDatabase.NOW.plusSeconds(12 * 3600)
                .toString());
        Answer me = crew(first.body().get("secret").asText(), "GET", "/api/crew/me", null);
        assertThat(me.body().get("name").asText()).isEqualTo("杨帆");
        assertThat(me.body().get("crew").asText()).isEqualTo("C1");

        String second = desk("crew7", "POST", "/api/me/crew-token", "").body().get("secret").asText();
        Answer old = crew(first.body().get("secret").asText(), "GET", "/api/crew/orders", null);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.message()).contains("signed in again");
        assertThat(crew(second, "GET", "/api/crew/orders", null).status()).isEqualTo(200);

        TestClock time = (TestClock) clock;
        try {
            time.advance(java.time.Duration.ofHours(12));
            Answer expired = crew(second, "GET", "/api/crew/orders", null);
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.body().get("reason").asText()).isEqualTo("expired");
        } finally {
            time.set(WorkOrderTestDatabase.NOW);
        }
        String third = desk("crew7", "POST", "/api/me/crew-token", "").body().get("secret").asText();
        db.jdbc.update("update users set enabled = false where username = 'crew7'");
        Answer disabled = crew(third, "GET", "/api/crew/orders", null);
        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.message()).contains("crew7", "disabled");
        db.jdbc.update("update users set enabled = true, role = 'AGENT' where username = 'crew7'");
        assertThat(crew(third, "GET", "/api/crew/orders", null).status()).as("no longer a crew member's").isEqualTo(401);
    }

    @Test
    void aDispatcherAssignsACrewButIssuesNoToken() throws Exception {
        assertThat(desk("dispatcher", "POST", "/api/work-orders/" + order + "/crew", "{\"crew\":\"C1\"}").status())
                .isEqualTo(200);
        assertThat(desk("dispatcher", "GET", "/api/work-orders/crew-waiting", null).status()).isEqualTo(200);
        assertThat(desk("dispatcher", "POST", "/api/work-orders/crew-tokens", "{\"crew\":\"C1\",\"memberName\":\"x\"}")
                .status()).isEqualTo(403);
    }

    @Test
    void aCrewAcceptsDepartsArrivesAndReportsDoneAndEachPointIsTheCrewAppsByTheMembersName() throws Exception {
        String token = token("C1", "张师傅");
        assertThat(crew(token, "GET", "/api/crew/orders", null).body()).isEmpty();
        assertThat(assign("C1").status()).isEqualTo(200);

        Answer mine = crew(token, "GET", "/api/crew/orders", null);
        assertThat(mine.body()).hasSize(1);
        assertThat(mine.body().get(0).at("/order/awaiting").asText()).as("listing delivered E").isEqualTo("F");
        assertThat(mine.body().get(0).get("next").asText()).isEqualTo("accept");
        assertThat(crew(token, "POST", path("depart"), "").message()).contains("accept it first");

        assertThat(crew(token, "POST", path("accept"), "").body().get("next").asText()).isEqualTo("depart");
        assertThat(crew(token, "POST", path("accept"), "").status()).isEqualTo(409);
        assertThat(crew(token, "POST", path("arrive"), "{}").message()).contains("waits for G");
        assertThat(crew(token, "POST", path("depart"), "").body().get("next").asText()).isEqualTo("arrive");
        Answer arrived = crew(token, "POST", path("arrive"),
                "{\"latitude\":30.2741,\"longitude\":120.1551,\"accuracy\":12.5}");
        assertThat(arrived.status()).as("%s", arrived.body()).isEqualTo(200);
        assertThat(arrived.body().get("next").asText()).isEqualTo("done");
        assertThat(arrived.body().get("warning").isNull()).isTrue();
        Answer again = crew(token, "POST", path("arrive"), "{\"latitude\":30.27,\"longitude\":120.15,\"accuracy\":5}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).contains("already recorded");
        assertThat(crew(token, "POST", path("fault"), "{\"text\":\"跌落式熔断器熔丝熔断\"}").status()).isEqualTo(200);
        assertThat(crew(token, "POST", path("materials"),
                "{\"materials\":[{\"name\":\"熔丝\",\"quantity\":2,\"unit\":\"根\"}]}").status()).isEqualTo(200);

        Answer done = multipart(token, "更换熔丝，已复电", List.of(new Part("fuse.png", "image/png", PNG)));
        assertThat(done.status()).as("%s", done.body()).isEqualTo(200);
        assertThat(done.body().at("/order/status").asText()).isEqualTo("resolved");
        assertThat(crew(token, "GET", "/api/crew/orders", null).body()).isEmpty();

        List<WorkOrderTimeline.LogEntry> log = orders.timeline(order).log();
        assertThat(log).filteredOn(e -> e.kind().equals("done") || e.kind().equals("point")
                && List.of(Point.E, Point.F, Point.G, Point.H).contains(e.point())).hasSize(5)
                .allSatisfy(e -> {
                    assertThat(e.by()).isEqualTo("张师傅");
                    assertThat(e.source()).isEqualTo(PointSource.CREW_APP);
                });
        assertThat(desk("agent1001", "GET", "/api/work-orders/" + order + "/crew", null).status()).isEqualTo(403);
        Answer reports = desk("supervisor", "GET", "/api/work-orders/" + order + "/crew", null);
        assertThat(reports.body().toString()).contains("\"kind\":\"arrived\"", "\"latitude\":30.2741",
                "跌落式熔断器熔丝熔断", "熔丝");
        long photo = reports.body().get(reports.body().size() - 1).get("photos").get(0).asLong();
        HttpResponse<byte[]> image = HTTP.send(basic("supervisor", HttpRequest.newBuilder(uri("/api/work-orders/"
                + order + "/photos/" + photo))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void aCrewActingOnAnotherCrewsOrderIs403AndRecordsNothing() throws Exception {
        assign("C1");
        String other = token("C2", "李师傅");
        int points = points();
        for (String action : List.of("accept", "depart", "arrive")) {
            Answer a = crew(other, "POST", path(action), "{}");
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.message()).contains("not assigned to your crew C2");
        }
        assertThat(crew(other, "POST", path("cannot-go"), "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(crew(other, "GET", "/api/crew/orders/" + order, null).status()).isEqualTo(403);
        assertThat(crew(other, "GET", "/api/crew/orders/424242", null).status()).isEqualTo(404);
        assertThat(points()).isEqualTo(points);
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_crew_reports where kind <> 'assigned'",
                Integer.class)).isZero();
    }

    @Test
    void aPositionOutOfRangeIs400AndRecordsNothingWhileOneOutsideChinaIsAWarning() throws Exception {
        String token = token("C1", "张师傅");
        assign("C1");
        crew(token, "POST", path("accept"), "");
        crew(token, "POST", path("depart"), "");
        for (String bad : List.of("{\"latitude\":91,\"longitude\":120,\"accuracy\":5}",
                "{\"latitude\":30,\"longitude\":-181,\"accuracy\":5}",
                "{\"latitude\":30,\"longitude\":120,\"accuracy\":20000}",
                "{\"latitude\":30,\"longitude\":120}", "{\"latitude\":\"north\"}")) {
            Answer a = crew(token, "POST", path("arrive"), bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.message()).as(bad).isNotBlank();
        }
        assertThat(orders.summary(order).awaiting()).isEqualTo(Point.H);
        Answer paris = crew(token, "POST", path("arrive"), "{\"latitude\":48.85,\"longitude\":2.35,\"accuracy\":30}");
        assertThat(paris.status()).isEqualTo(200);
        assertThat(paris.body().get("warning").asText()).contains("outside China");
    }

    @Test
    void anArrivalWithoutAPositionIsRecordedAsSuch() throws Exception {
        String token = token("C1", "张师傅");
        assign("C1");
        crew(token, "POST", path("accept"), "");
        crew(token, "POST", path("depart"), "");
        assertThat(crew(token, "POST", path("arrive"), "").status()).isEqualTo(200);
        assertThat(db.jdbc.queryForObject("select latitude is null from work_order_crew_reports where kind = 'arrived'",
                Boolean.class)).isTrue();
    }

    @Test
    void aPhotoTooLargeTooManyPhotosOrOneNotAnImageRefuseDoneAndRecordNothing() throws Exception {
        String token = token("C1", "张师傅");
        assign("C1");
        for (String action : List.of("accept", "depart", "arrive")) {
            crew(token, "POST", path(action), "");
        }
        Answer huge = multipart(token, "done", List.of(new Part("big.jpg", "image/jpeg", new byte[50 * 1024 * 1024])));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.message()).contains("nothing was recorded");
        Answer six = multipart(token, "done", List.of(new Part("1.jpg", "image/jpeg", new byte[10_000]),
                new Part("2.jpg", "image/jpeg", new byte[6 * 1024 * 1024])));
        assertThat(six.status()).isEqualTo(413);
        assertThat(six.message()).contains("2.jpg", "5242880");
        Answer four = multipart(token, "done", List.of(new Part("1.png", "image/png", PNG),
                new Part("2.png", "image/png", PNG), new Part("3.png", "image/png", PNG),
                new Part("4.png", "image/png", PNG)));
        assertThat(four.status()).isEqualTo(413);
        assertThat(four.message()).contains("at most 3");
        Answer svg = multipart(token, "done", List.of(new Part("x.svg", "image/svg+xml",
                "<svg onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8))));
        assertThat(svg.status()).isEqualTo(400);
        assertThat(orders.summary(order).status()).isEqualTo("in_progress");
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_photos", Integer.class)).isZero();
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_crew_reports where kind = 'done'",
                Integer.class)).isZero();
    }

    @Test
    void aCrewThatCannotGoSendsTheOrderBackToTheDispatcherWithoutChargingTheCentre() throws Exception {
        String first = token("C1", "张师傅");
        String second = token("C2", "李师傅");
        assign("C1");
        crew(first, "POST", path("accept"), "");
        assertThat(crew(first, "POST", path("cannot-go"), "{\"reason\":\"\"}").status()).isEqualTo(400);
        Answer cannot = crew(first, "POST", path("cannot-go"), "{\"reason\":\"车辆故障\"}");
        assertThat(cannot.status()).as("%s", cannot.body()).isEqualTo(200);
        assertThat(crew(first, "GET", "/api/crew/orders", null).body()).isEmpty();
        assertThat(crew(first, "POST", path("depart"), "").status()).isEqualTo(403);
        Answer waiting = desk("supervisor", "GET", "/api/work-orders/crew-waiting", null);
        assertThat(waiting.body()).hasSize(1);
        assertThat(waiting.body().get(0).get("text").asText()).isEqualTo("车辆故障");
        assertThat(waiting.body().get(0).get("crew").asText()).isEqualTo("C1");
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_points where order_id = ? and kind = "
                + "'reroute'", Integer.class, order)).isZero();
        assertThat(bus.published).filteredOn(m -> m.type().equals(CrewApp.PUSH_TYPE)).anySatisfy(m -> {
            assertThat(m.target()).isEqualTo("supervisors");
            assertThat(m.payload()).contains("\"change\":\"cannot_go\"", "车辆故障", "\"id\":" + order);
        });

        assertThat(assign("C2").status()).isEqualTo(200);
        assertThat(desk("supervisor", "GET", "/api/work-orders/crew-waiting", null).body()).isEmpty();
        assertThat(crew(second, "POST", path("accept"), "").status()).isEqualTo(200);
        assertThat(crew(second, "POST", path("depart"), "").status()).isEqualTo(200);
        assertThat(db.jdbc.queryForObject("select count(*) from work_order_points where order_id = ? and point = 'F'",
                Integer.class, order)).as("the first crew's acceptance stands").isEqualTo(1);
        assertThat(assign("C1").message()).contains("departed");
    }

    @Test
    void onlyACrewOfTheOrdersTeamIsAssignedAndOnlyBySupervisors() throws Exception {
        assertThat(desk("agent1001", "POST", "/api/work-orders/" + order + "/crew", "{\"crew\":\"C1\"}").status())
                .isEqualTo(403);
        assertThat(assign("C9").message()).contains("not a crew of team T1");
        assertThat(assign("T1").status()).isEqualTo(422);
        assertThat(assign("").status()).isEqualTo(400);
        long fresh = orders.create(new CreateWorkOrder("repair", null, db.customerWithTwoPremises,
                db.otherPremisesWithCentre, null, null, null, null, false, "agent1001", PointSource.DESK)).id();
        Answer noTeam = desk("supervisor", "POST", "/api/work-orders/" + fresh + "/crew", "{\"crew\":\"C1\"}");
        assertThat(noTeam.status()).isEqualTo(409);
        assertThat(noTeam.message()).contains("no team yet");
    }

    // ------------------------------------------------------------------ helpers

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    record Part(String name, String type, byte[] data) {
    }

    private String path(String action) {
        return "/api/crew/orders/" + order + "/" + action;
    }

    private int points() {
        return db.jdbc.queryForObject("select count(*) from work_order_points where order_id = ?", Integer.class, order);
    }

    private String token(String crewCode, String name) throws Exception {
        return desk("admin", "POST", "/api/work-orders/crew-tokens", "{\"crew\":\"" + crewCode + "\",\"memberName\":\""
                + name + "\"}").body().get("secret").asText();
    }

    private Answer assign(String crewCode) throws Exception {
        return desk("supervisor", "POST", "/api/work-orders/" + order + "/crew", "{\"crew\":\"" + crewCode + "\"}");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpRequest.Builder basic(String user, HttpRequest.Builder b) {
        return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":pw")
                .getBytes(StandardCharsets.UTF_8)));
    }

    private Answer desk(String user, String method, String path, String json) throws Exception {
        return send(basic(user, request(method, path, json)));
    }

    private Answer crew(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = request(method, path, json);
        return send(token == null ? b : b.header("Authorization", "Bearer " + token));
    }

    private HttpRequest.Builder request(String method, String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    private Answer multipart(String token, String note, List<Part> parts) throws Exception {
        String boundary = "crewtest" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n");
        for (Part p : parts) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"" + p.name()
                    + "\"\r\nContent-Type: " + p.type() + "\r\n\r\n");
            body.write(p.data());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(uri(path("done"))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void write(ByteArrayOutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
    }
}
