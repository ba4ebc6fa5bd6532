package org.hotline.cti.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.agent.AgentAccount;
import org.hotline.cti.agent.AgentDirectory;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.AgentRinging;
import org.hotline.cti.call.CallAnswered;
import org.hotline.cti.call.CallId;
import org.hotline.cti.call.CallQueued;
import org.hotline.cti.call.Caller;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumber;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScreenPopsTests {

    final CountDownLatch slowLookup = new CountDownLatch(1);
    final List<ScreenPop> published = new CopyOnWriteArrayList<>();
    ScreenPops pops;

    @AfterEach
    void close() {
        slowLookup.countDown();
        pops.close();
    }

    @Test
    void aSlowCustomerLookupHoldsUpOnlyItsOwnCallNotAnotherCallsRing() {
        // two workers, and call ids that a stripe per hash(call id) % 2 would put on the same thread
        pops = popsWithOneSlowNumber(2);
        queueAndRing("1796587131.1", "13800000001", "1001");
        queueAndRing("1796587131.5", "13800000002", "1002");

        await().atMost(Duration.ofSeconds(5)).until(() -> popOf("1796587131.5") != null);
        assertThat(popOf("1796587131.1")).as("the slow call's lookup is still running").isNull();

        slowLookup.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> popOf("1796587131.1") != null);
    }

    @Test
    void eventsOfOneCallArePublishedInOrderEvenWhenItsLookupIsSlow() {
        pops = popsWithOneSlowNumber(4);
        queueAndRing("slow", "13800000001", "1001");
        pops.onEvent(new CallAnswered(new CallId("slow"), AgentInterface.of("Local/1001@agents"), "Agent 1001",
                "hotline", new Caller("13800000001", ""), Duration.ofSeconds(3), Instant.now()));
        slowLookup.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() >= 2);
        assertThat(published).extracting(ScreenPop::status)
                .containsExactly(ScreenPop.Status.RINGING, ScreenPop.Status.ANSWERED);
    }

    private ScreenPops popsWithOneSlowNumber(int workers) {
        PhoneNumbers numbers = new PhoneNumbers(PhoneProperties.defaults());
        AgentDirectory agents = mock(AgentDirectory.class);
        when(agents.all()).thenReturn(List.of(agent("agent1001", "Local/1001@agents"),
                agent("agent1002", "Local/1002@agents")));
        when(agents.findByInterface(any())).thenAnswer(inv -> agents.all().stream()
                .filter(a -> a.interfaces().contains(inv.<AgentInterface>getArgument(0).value())).findFirst());
        CustomerDirectory customers = mock(CustomerDirectory.class);
        when(customers.findByPhone(any(PhoneNumber.class), anyInt())).thenAnswer(inv -> {
            if (inv.<PhoneNumber>getArgument(0).normalized().endsWith("01")) {
                slowLookup.await(10, TimeUnit.SECONDS); // a cold customer: the database takes its time
            }
            return List.of();
        });
        ScreenPopProperties properties = new ScreenPopProperties(List.of(), List.of(), 10, workers);
        return new ScreenPops(properties, agents, numbers, customers, published::add);
    }

    private void queueAndRing(String call, String number, String extension) {
        Caller caller = new Caller(number, "");
        pops.onEvent(new CallQueued(new CallId(call), "hotline", caller, 1, Map.of(), Instant.now()));
        pops.onEvent(new AgentRinging(new CallId(call), AgentInterface.of("Local/" + extension + "@agents"),
                "Agent " + extension, "hotline", caller, Duration.ZERO, Map.of(), Instant.now()));
    }

    private ScreenPop popOf(String call) {
        return published.stream().filter(p -> p.callId().equals(call)).findFirst().orElse(null);
    }

    private static AgentAccount agent(String username, String iface) {
        return new AgentAccount(1, username, username, AgentAccount.Role.AGENT, true, List.of(iface), List.of("hotline"));
    }
}
