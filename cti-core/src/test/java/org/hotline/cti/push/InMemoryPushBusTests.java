package org.hotline.cti.push;

import java.util.ArrayList;
import java.util.List;
import org.hotline.cti.push.internal.InMemoryPushBus;
import org.junit.jupiter.api.AfterEach;

class InMemoryPushBusTests extends PushBusContractTests {

    private final List<InMemoryPushBus> buses = new ArrayList<>();

    @Override
    protected PushBus newBus(String nodeId) {
        InMemoryPushBus bus = new InMemoryPushBus(nodeId, 10_000);
        buses.add(bus);
        return bus;
    }

    @AfterEach
    void closeBuses() {
        buses.forEach(InMemoryPushBus::close);
    }
}
