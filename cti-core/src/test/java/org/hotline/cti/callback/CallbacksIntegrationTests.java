package org.hotline.cti.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.demo.DemoDataGenerator;
import org.hotline.cti.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CallbacksIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final AtomicInteger calls = new AtomicInteger();

    private static HikariDataSource pool;
    private static Callbacks callbacks;

    @BeforeAll
    static void load() {
        pool = EmbeddedPostgresSupport.migratedDatabase();
        new DemoDataGenerator().generate(pool, 50, 11L, NOW);
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        for (String user : List.of("cb-agent-a", "cb-agent-b", "cb-agent-c")) {
            jdbc.update("insert into users (username, display_name, password_hash, role) values (?, ?, 'x', 'AGENT')"
                    + " on conflict (username) do nothing", user, user);
        }
        jdbc.update("insert into users (username, display_name, password_hash, role) values ('cb-supervisor',"
                + " 'cb-supervisor', 'x', 'SUPERVISOR') on conflict (username) do nothing");
        callbacks = new Callbacks(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static String callId() {
        return "cbtest-" + calls.incrementAndGet() + "." + System.nanoTime();
    }

    private static long abandoned(String number) {
        String id = callId();
        assertThat(callbacks.recordAbandoned(new AbandonedCall(id, number, "hotline", Duration.ofSeconds(42),
                Instant.now().minusSeconds(5)))).isTrue();
        return new JdbcTemplate(pool).queryForObject("select id from callbacks where call_id = ?", Long.class, id);
    }

    @Test
    void anAbandonedCallIsRecordedOncePerCallIdWithTheMatchedCustomerAndTheWait() {
        String id = callId();
        AbandonedCall call = new AbandonedCall(id, "13800138000", "hotline", Duration.ofSeconds(42), NOW);

        assertThat(callbacks.recordAbandoned(call)).isTrue();
        assertThat(callbacks.recordAbandoned(call)).as("a replayed event adds nothing").isFalse();

        Callback cb = callbacks.openFor("cb-agent-a", Instant.now(), 500).stream()
                .filter(c -> id.equals(c.callId())).findFirst().orElseThrow();
        assertThat(cb.kind()).isEqualTo(Callback.Kind.ABANDONED);
        assertThat(cb.customerName()).isEqualTo("张三");
        assertThat(cb.waitedSeconds()).isEqualTo(42);
        assertThat(cb.queue()).isEqualTo("hotline");
        assertThat(cb.status()).isEqualTo(Callback.Status.OPEN);
    }

    @Test
    void anUnknownNumberIsRecordedWithoutACustomer() {
        long id = abandoned("13700000099");

        assertThat(callbacks.find(id).orElseThrow().customerNo()).isNull();
    }

    @Test
    void ofTwoAgentsTakingTheSameCallbackAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            long id = abandoned("13900000001");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pair = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (String agent : List.of("cb-agent-a", "cb-agent-b")) {
                    Callable<String> take = () -> {
                        start.await();
                        try {
                            return callbacks.take(id, agent).takenBy();
                        } catch (CallbackConflictException e) {
                            return "conflict";
                        }
                    };
                    results.add(pair.submit(take));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).containsOnlyOnce("conflict");
                assertThat(outcomes).filteredOn(o -> !o.equals("conflict")).singleElement()
                        .isEqualTo(callbacks.find(id).orElseThrow().takenBy());
            } finally {
                pair.shutdownNow();
            }
        }
    }

    @Test
    void aTakenCallbackNamesWhoHasItToTheSecondAgent() {
        long id = abandoned("13900000002");
        callbacks.take(id, "cb-agent-a");

        assertThatThrownBy(() -> callbacks.take(id, "cb-agent-b")).isInstanceOf(CallbackConflictException.class)
                .hasMessageContaining("already taken by cb-agent-a");
        assertThat(callbacks.openFor("cb-agent-b", Instant.now(), 500)).noneMatch(c -> c.id() == id);
        assertThat(callbacks.openFor("cb-agent-a", Instant.now(), 500)).anyMatch(c -> c.id() == id);
    }

    @Test
    void onlyTheAgentWhoTookACallbackMarksItDone() {
        long id = abandoned("13900000003");
        callbacks.take(id, "cb-agent-a");

        assertThatThrownBy(() -> callbacks.finish(id, "cb-agent-b", Callback.Status.DONE, null))
                .isInstanceOf(CallbackConflictException.class);
        Callback done = callbacks.finish(id, "cb-agent-a", Callback.Status.DONE, "called back, fixed");

        assertThat(done.status()).isEqualTo(Callback.Status.DONE);
        assertThat(done.note()).isEqualTo("called back, fixed");
        assertThat(done.doneAt()).isNotNull();
        assertThatThrownBy(() -> callbacks.take(id, "cb-agent-b")).isInstanceOf(CallbackConflictException.class)
                .hasMessageContaining("already done");
    }

    @Test
    void anOpenCallbackIsCancelledByASupervisorOrByTheAgentWhoTookItNeverByAnotherAgent() {
        long id = abandoned("13900000004");

        assertThatThrownBy(() -> callbacks.finish(id, "cb-agent-c", Callback.Status.CANCELLED, "not needed"))
                .isInstanceOf(CallbackConflictException.class);
        assertThat(callbacks.find(id).orElseThrow().note()).isNull();
        assertThat(callbacks.finish(id, "cb-supervisor", Callback.Status.CANCELLED, null).status())
                .isEqualTo(Callback.Status.CANCELLED);
        assertThat(callbacks.openFor("cb-agent-c", Instant.now(), 500)).noneMatch(c -> c.id() == id);

        long taken = abandoned("13900000014");
        callbacks.take(taken, "cb-agent-a");
        assertThatThrownBy(() -> callbacks.finish(taken, "cb-agent-b", Callback.Status.CANCELLED, "mine now"))
                .isInstanceOf(CallbackConflictException.class);
        Callback cancelled = callbacks.finish(taken, "cb-agent-a", Callback.Status.CANCELLED, "customer fixed it");
        assertThat(cancelled.status()).isEqualTo(Callback.Status.CANCELLED);
        assertThat(cancelled.note()).isEqualTo("customer fixed it");
    }

    @Test
    void theCallerGettingThroughClosesTheirOpenAbandonedCallbacksButNotTakenOnes() {
        long open = abandoned("13900000005");
        long taken = abandoned("13900000005");
        callbacks.take(taken, "cb-agent-a");

        assertThat(callbacks.closeAbandonedAnswered("13900000005", "answered-1", Instant.now())).isEqualTo(1);

        assertThat(callbacks.find(open).orElseThrow().status()).isEqualTo(Callback.Status.DONE);
        assertThat(callbacks.find(open).orElseThrow().note()).isEqualTo("answered on call answered-1");
        assertThat(callbacks.find(taken).orElseThrow().status()).isEqualTo(Callback.Status.TAKEN);
    }

    @Test
    void aScheduledCallbackShowsOnlyWhenDueAndOnlyToItsAssignee() {
        Instant due = Instant.now().plusSeconds(3600);
        Callback cb = callbacks.schedule(new NewCallback("13800138000", null, due, "call about the bill",
                "cb-agent-b", "cb-agent-a"));

        assertThat(cb.kind()).isEqualTo(Callback.Kind.SCHEDULED);
        assertThat(cb.customerName()).isEqualTo("张三");
        assertThat(cb.createdBy()).isEqualTo("cb-agent-a");
        assertThat(callbacks.openFor("cb-agent-b", Instant.now(), 500)).noneMatch(c -> c.id() == cb.id());
        assertThat(callbacks.openFor("cb-agent-b", due, 500)).anyMatch(c -> c.id() == cb.id());
        assertThat(callbacks.openFor("cb-agent-c", due, 500)).noneMatch(c -> c.id() == cb.id());
        assertThatThrownBy(() -> callbacks.take(cb.id(), "cb-agent-c")).isInstanceOf(CallbackConflictException.class)
                .hasMessageContaining("assigned to cb-agent-b");
    }

    @Test
    void schedulingForAnUnknownUserOrWithABadNumberIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> callbacks.schedule(new NewCallback("13800138000", null,
                Instant.now(), null, "nobody-here", "cb-agent-a"))).withMessageContaining("nobody-here");
        assertThatIllegalArgumentException().isThrownBy(() -> new NewCallback("12ab", null, Instant.now(), null,
                null, "cb-agent-a")).withMessageContaining("number");
        assertThatIllegalArgumentException().isThrownBy(() -> new NewCallback("13800138000", null, Instant.now(),
                "x".repeat(1001), null, "cb-agent-a")).withMessageContaining("note");
    }
}
