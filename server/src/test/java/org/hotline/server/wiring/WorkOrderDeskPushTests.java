package org.hotline.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.cti.push.PopStore;
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
        public Subscription subscribe(Consumer<PushMessage> handler, Runnable onGap) {
            throw new UnsupportedOperationException();
        }
    };

    // TestPops' card is customer 42; agent1001 has it popped, agent1002 has another call, agent1003 none
    private final PopStore pops = new PopStore() {
        @Override
        public void put(ScreenPop pop) {
        }

        @Override
        public void remove(String agent, String callId) {
        }

        @Override
        public List<ScreenPop> current(String agent) {
            return switch (agent) {
                case "agent1001" -> List.of(TestPops.pop("agent1001", "1.1", 0));
                case "agent1003" -> throw new IllegalStateException("store unreachable");
                default -> List.of();
            };
        }
    };

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static WorkOrderChanged change(Long customer) {
        return new WorkOrderChanged(WorkOrderChanged.Change.POINT_RECORDED, new WorkOrderSummary(7, "WO20261123-000007",
                "repair", "报修 fault repair", "new", customer, 3L, "RC1", "1.1", "13800138000", Point.B,
                "热线派单 hotline dispatches", null, Instant.parse("2026-11-23T02:02:00Z"), 120L,
                Instant.parse("2026-11-23T02:00:00Z"), null, 0));
    }

    @Test
    void onlyTheAgentWithTheCustomerPoppedGetsTheChangeAndAnUnreadableStoreHarmsNoOtherAgent() {
        WorkOrderDeskPush push = new WorkOrderDeskPush(() -> List.of("agent1003", "agent1002", "agent1001"), pops, bus,
                json);
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
    void aChangeOfAnotherCustomersOrderIsSentToNobody() {
        WorkOrderDeskPush push = new WorkOrderDeskPush(() -> List.of("agent1001"), pops, bus, json);
        push.deliver(change(43L));
        push.accept(change(null));
        assertThat(sent).isEmpty();
        push.close();
    }
}
