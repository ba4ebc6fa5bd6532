package org.hotline.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.cti.push.PopJson;
import org.hotline.cti.push.PushBus;
import org.hotline.cti.push.PushMessage;
import org.hotline.cti.push.Subscription;
import org.hotline.cti.push.TestPops;
import org.hotline.cti.screenpop.ScreenPop;
import org.hotline.workorder.Point;
import org.hotline.workorder.WorkOrderChanged;
import org.hotline.workorder.WorkOrderSummary;
import org.junit.jupiter.api.Test;

/** A changed order goes to the agents whose pops show its customer, and to nobody else. */
class WorkOrderDeskPushTests {

    private final List<PushMessage> sent = new CopyOnWriteArrayList<>();

    private final PushBus bus = new PushBus() {
        @Override
        public String nodeId() {
            return "n1";
        }

        @Override
        public void publish(PushMessage message) {
            sent.add(message);
        }

        @Override
        public PushMessage publish(String target, String type, String payload) {
            PushMessage m = new PushMessage(target, type, payload, "n1", sent.size());
            sent.add(m);
            return m;
        }

        @Override
        public Subscription subscribe(java.util.function.Predicate<PushMessage> wanted, Consumer<PushMessage> handler,
                                      Runnable onGap) {
            throw new UnsupportedOperationException();
        }
    };

    private long now = 1_000_000_000L;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static WorkOrderChanged change(Long customer) {
        return new WorkOrderChanged(WorkOrderChanged.Change.POINT_RECORDED, new WorkOrderSummary(7, "WO20261123-000007",
                "repair", "报修 fault repair", "new", customer, 3L, "RC1", "1.1", "13800138000", Point.B,
                "热线派单 hotline dispatches", null, Instant.parse("2026-11-23T02:02:00Z"), 120L,
                Instant.parse("2026-11-23T02:00:00Z"), null, 0, Instant.parse("2026-11-23T02:00:00Z"), "城北抢修中心",
                null, null));
    }

    private WorkOrderDeskPush push() {
        WorkOrderDeskPush push = new WorkOrderDeskPush(bus, json, Duration.ofSeconds(30), () -> now);
        // TestPops' card is customer 42: agent1001 has it popped, agent1002 saw it on a call that ended long ago
        push.onBus(popMessage(TestPops.pop("agent1001", "1.1", 0)));
        push.onBus(popMessage(TestPops.pop("agent1002", "1.2", 1, ScreenPop.Status.ENDED, 0)));
        now += Duration.ofSeconds(31).toNanos();
        push.onBus(new PushMessage("agent1003", PushMessage.TYPE_POP, "{not a pop", "n2", 1));
        return push;
    }

    private static PushMessage popMessage(ScreenPop pop) {
        return new PushMessage(pop.agent(), PushMessage.TYPE_POP, PopJson.write(pop), "n2", pop.version());
    }

    @Test
    void onlyTheAgentWhoseDeskShowsTheCustomerGetsTheChange() {
        WorkOrderDeskPush push = push();
        push.deliver(change(42L));
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.target()).isEqualTo("agent1001");
            assertThat(m.type()).isEqualTo(PushMessage.TYPE_WORKORDER_CHANGED);
            assertThat(m.payload()).contains("\"customerId\":42", "\"awaiting\":\"B\"",
                    "\"deadline\":\"2026-11-23T02:02:00Z\"");
        });
        push.close();
    }

    @Test
    void anEndedPopStillShowsItsCustomerDuringTheLingerThenNoMore() {
        WorkOrderDeskPush push = new WorkOrderDeskPush(bus, json, Duration.ofSeconds(30), () -> now);
        push.onBus(popMessage(TestPops.pop("agent1002", "1.2", 1, ScreenPop.Status.ENDED, 0)));
        now += Duration.ofSeconds(29).toNanos();
        push.deliver(change(42L));
        assertThat(sent).extracting(PushMessage::target).containsExactly("agent1002");
        now += Duration.ofSeconds(2).toNanos();
        push.deliver(change(42L));
        assertThat(sent).hasSize(1);
        push.close();
    }

    @Test
    void aChangeOfAnotherCustomersOrderIsSentToNobody() {
        WorkOrderDeskPush push = push();
        push.deliver(change(43L));
        push.accept(change(null));
        assertThat(sent).isEmpty();
        push.close();
    }
}
