package org.hotline.pbxsim.internal;

import java.util.UUID;

/** A basic two-party bridge as BridgeCreate/Enter/Leave/Destroy describe it. */
final class Bridge {

    final String id;
    int channels;

    Bridge(String id) {
        this.id = id;
    }

    /** A bridge with a fresh random id, as Asterisk names them. */
    static Bridge create() {
        return new Bridge(UUID.randomUUID().toString());
    }

    /** Writes the bridge fields. */
    void write(Frame f) {
        f.add("BridgeUniqueid", id).add("BridgeType", "basic").add("BridgeTechnology", "simple_bridge")
                .add("BridgeCreator", "<unknown>").add("BridgeName", "<unknown>").add("BridgeNumChannels", channels)
                .add("BridgeVideoSourceMode", "none");
    }
}
