package org.hotline.cti.push;

import java.util.function.Consumer;
import org.hotline.cti.screenpop.ScreenPop;

/** Stores each new pop version for snapshots and sends it to the agent's browsers on every node. */
public final class PopPublisher implements Consumer<ScreenPop> {

    private final PopStore store;
    private final PushBus bus;

    /** Publishes through the given store and bus. */
    public PopPublisher(PopStore store, PushBus bus) {
        this.store = store;
        this.bus = bus;
    }

    @Override
    public void accept(ScreenPop pop) {
        // Store first: a browser that connects between the two steps then finds the pop in its snapshot.
        store.put(pop);
        bus.publish(pop.agent(), PushMessage.TYPE_POP, PopJson.write(pop));
    }
}
