package org.hotline.server.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.ami.AmiConnection;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.demo.DemoUsers;
import org.hotline.cti.presence.Presence;
import org.hotline.pbxsim.CallHandle;
import org.hotline.pbxsim.CallSpec;
import org.hotline.pbxsim.Outcome;
import org.hotline.server.embedded.EmbeddedServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.hotline.server.testing.ReadyDesks;
import org.hotline.server.testing.SimulatedServerTest;

/**
 * The desk's REST APIs on the whole server (real PostgreSQL, the simulator over AMI): search kinds, contact
 * validation and binding to the agent's own call, callbacks from abandoned calls and the take race. Same server
 * settings as {@code ScreenPopEndToEndIntegrationTests}, so they share one Spring context.
 */
@SimulatedServerTest
class DeskApiIntegrationTests {

    private static final Duration PATIENT = Duration.ofMinutes(30);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedServers servers;

    @Autowired
    AmiConnection ami;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    Presence presence;

    @Autowired
    AgentDirectory agentDirectory;

    private final List<CallHandle> calls = new ArrayList<>();
    private CustomerCard zhang;

    @BeforeEach
    void amiIsConnected() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.state().isLoggedIn());
        zhang = customers.findByAccountNo("2024001").orElseThrow();
        ReadyDesks.all(presence, agentDirectory); // earlier classes leave desks in wrap-up or lagged
    }

    @AfterEach
    void hangUpCalls() {
        calls.forEach(CallHandle::hangup);
    }

    private DeskHttp agent(String username) {
        return DeskHttp.login(port, username, DemoUsers.AGENT_PASSWORD);
    }

    private static List<String> customerNos(DeskHttp.Answer a) {
        assertThat(a.status()).isEqualTo(200);
        return StreamSupport.stream(a.body().spliterator(), false).map(c -> c.get("customerNo").asText()).toList();
    }

    @Test
    void searchFindsByPhoneNamePrefixAccountCustomerNumberAndAddress() {
        DeskHttp http = agent("agent1001");
        String street = zhang.address().substring(3, zhang.address().length() - 1);

        assertThat(customerNos(http.get("/api/customers/search?q=13800138000"))).contains(zhang.customerNo());
        assertThat(customerNos(http.get("/api/customers/search?q=" + DeskHttp.enc("张") + "&limit=100")))
                .contains(zhang.customerNo());
        assertThat(customerNos(http.get("/api/customers/search?q=2024001"))).first().isEqualTo(zhang.customerNo());
        assertThat(customerNos(http.get("/api/customers/search?q=" + zhang.customerNo()))).first()
                .isEqualTo(zhang.customerNo());
        assertThat(customerNos(http.get("/api/customers/search?q=" + DeskHttp.enc(street) + "&limit=100")))
                .contains(zhang.customerNo());
        JsonNode card = http.get("/api/customers/search?q=2024001").body().get(0);
        assertThat(card.get("accounts").get(0).get("accountNo").asText()).isEqualTo("2024001");
        assertThat(card.get("recentContacts")).hasSize(5);
    }

    @Test
    void oneCardAndOlderContactHistoryByCustomerNumber() {
        DeskHttp http = agent("agent1001");

        DeskHttp.Answer card = http.get("/api/customers/" + zhang.customerNo());
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body().get("name").asText()).isEqualTo("张三");
        String oldest = card.body().get("recentContacts").get(4).get("at").asText();
        DeskHttp.Answer older = http.get("/api/customers/" + zhang.customerNo() + "/contacts?before="
                + DeskHttp.enc(oldest) + "&limit=10");
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.body()).isNotEmpty().allSatisfy(k -> assertThat(k.get("at").asText()).isLessThan(oldest));

        DeskHttp.Answer missing = http.get("/api/customers/NO-SUCH-ONE");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message()).contains("NO-SUCH-ONE");
    }

    @Test
    void aControlCharacterInAParameterOrAJsonStringIsA400NamingItNeverA500() {
        DeskHttp http = agent("agent1001");

        DeskHttp.Answer search = http.get("/api/customers/search?q=" + DeskHttp.enc("张\u0000三"));
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.message()).startsWith("q: control character U+0000");
        Map<String, Object> form = new HashMap<>(Map.of("customerNo", zhang.customerNo(), "category", "fault",
                "notes", "停电\u0000了"));
        DeskHttp.Answer contact = http.post("/api/desk/contacts", form);
        assertThat(contact.status()).isEqualTo(400);
        assertThat(contact.message()).contains("notes").contains("U+0000");
        form.put("notes", "第一行\n第二行\t完");
        assertThat(http.post("/api/desk/contacts", form).status()).isLessThan(300);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/csrf"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void contactsAreValidatedWithAMessage() {
        DeskHttp http = agent("agent1001");
        Map<String, Object> form = new HashMap<>(Map.of("customerNo", zhang.customerNo(), "category", "gossip"));

        DeskHttp.Answer badCategory = http.post("/api/desk/contacts", form);
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.message()).startsWith("category: 'gossip'");

        form.put("category", "fault");
        form.put("subCategory", "不存在的子类");
        DeskHttp.Answer badSub = http.post("/api/desk/contacts", form);
        assertThat(badSub.status()).isEqualTo(400);
        assertThat(badSub.message()).startsWith("subCategory:");

        form.remove("subCategory");
        form.put("notes", "长".repeat(4001));
        DeskHttp.Answer tooLong = http.post("/api/desk/contacts", form);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.message()).contains("4001").contains("4000");

        assertThat(http.get("/api/desk/categories").body()).hasSize(5)
                .anySatisfy(c -> assertThat(c.get("label").asText()).isEqualTo("报修"));
    }

    @Test
    void aContactBindsOnlyToACallThatRangTheAgentsPhone() {
        DeskHttp mine = agent("agent1003");
        DeskHttp other = agent("agent1004");
        CallHandle call = place(CallSpec.of("13800138000", "hotline").withOutcome(new Outcome.RingUntilTold("1003")));
        call.ringing().join();
        Map<String, Object> form = Map.of("customerNo", zhang.customerNo(), "callId", call.linkedid(),
                "category", "enquiry", "subCategory", "电费电价", "notes", "问本月电费 " + call.linkedid(),
                "accountNo", "2024001");

        await().atMost(Duration.ofSeconds(10)).until(() -> mine.post("/api/desk/contacts", form).status() == 201);
        DeskHttp.Answer stolen = other.post("/api/desk/contacts", form);

        assertThat(stolen.status()).isEqualTo(403);
        assertThat(stolen.message()).contains(call.linkedid()).contains("agent1004");
        JsonNode history = mine.get("/api/customers/" + zhang.customerNo() + "/contacts?limit=5").body();
        assertThat(history.get(0).get("summary").asText()).isEqualTo("电费电价：问本月电费 " + call.linkedid());
        assertThat(history.get(0).get("category").asText()).isEqualTo("enquiry");
        assertThat(history).noneMatch(k -> k != history.get(0)
                && k.get("summary").asText().endsWith(call.linkedid()));
    }

    @Test
    void anAbandonedCallBecomesACallbackThatOnlyOneOfTwoAgentsCanTake() throws Exception {
        String number = "13700005555";
        CallHandle call = place(CallSpec.of(number, "gas").withOutcome(new Outcome.Abandon(Duration.ofSeconds(20))));
        call.ended().get();
        DeskHttp a = agent("agent2001");
        DeskHttp b = agent("agent2002");

        JsonNode cb = await().atMost(Duration.ofSeconds(15)).until(() -> find(a.get("/api/callbacks").body(),
                call.linkedid()), n -> n != null);
        assertThat(cb.get("number").asText()).isEqualTo(number);
        assertThat(cb.get("queue").asText()).isEqualTo("gas");
        assertThat(cb.get("kind").asText()).isEqualTo("ABANDONED");
        assertThat(cb.get("waitedSeconds").asInt()).isBetween(15, 25);

        CountDownLatch go = new CountDownLatch(1);
        String path = "/api/callbacks/" + cb.get("id").asLong() + "/take";
        CompletableFuture<DeskHttp.Answer> first = CompletableFuture.supplyAsync(() -> take(go, a, path));
        CompletableFuture<DeskHttp.Answer> second = CompletableFuture.supplyAsync(() -> take(go, b, path));
        go.countDown();
        List<Integer> statuses = List.of(first.get().status(), second.get().status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        DeskHttp.Answer loser = first.get().status() == 409 ? first.get() : second.get();
        assertThat(loser.message()).contains("already taken by");
    }

    @Test
    void aScheduledCallbackIsListedWhenDueTakenDoneAndGone() {
        DeskHttp http = agent("agent2003");
        String due = java.time.Instant.now().minusSeconds(1).toString();

        DeskHttp.Answer bad = http.post("/api/callbacks", Map.of("number", "abc", "dueAt", due));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).startsWith("number:");
        DeskHttp.Answer created = http.post("/api/callbacks", Map.of("number", "138-0013-8000", "dueAt", due,
                "note", "回电确认抢修进度", "customerNo", zhang.customerNo()));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("number").asText()).isEqualTo("13800138000");
        assertThat(created.body().get("customerName").asText()).isEqualTo("张三");
        assertThat(created.body().get("createdBy").asText()).isEqualTo("agent2003");

        assertThat(http.get("/api/callbacks").body()).anySatisfy(n -> assertThat(n.get("id").asLong()).isEqualTo(id));
        DeskHttp.Answer early = http.post("/api/callbacks/" + id + "/done", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(http.post("/api/callbacks/" + id + "/take", Map.of()).body().get("status").asText())
                .isEqualTo("TAKEN");
        DeskHttp.Answer done = http.post("/api/callbacks/" + id + "/done", Map.of("note", "已回电"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().get("status").asText()).isEqualTo("DONE");
        assertThat(http.get("/api/callbacks").body()).noneSatisfy(n -> assertThat(n.get("id").asLong()).isEqualTo(id));
        assertThat(http.post("/api/callbacks/999999999/take", Map.of()).status()).isEqualTo(404);
    }

    private static DeskHttp.Answer take(CountDownLatch go, DeskHttp http, String path) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return http.post(path, Map.of());
    }

    private static JsonNode find(JsonNode list, String callId) {
        for (JsonNode n : list) {
            if (callId.equals(n.path("callId").asText())) {
                return n;
            }
        }
        return null;
    }

    private CallHandle place(CallSpec spec) {
        CallHandle call = servers.simulator().placeCall(spec.withPatience(PATIENT));
        calls.add(call);
        return call;
    }
}
