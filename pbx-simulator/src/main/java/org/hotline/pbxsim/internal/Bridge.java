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
        write(f, "");
    }

    /** Writes the bridge fields with a prefix ({@code Orig}, {@code Second} in AttendedTransfer). */
    void write(Frame f, String prefix) {
        f.add(prefix + "BridgeUniqueid", id).add(prefix + "BridgeType", "basic")
                .add(prefix + "BridgeTechnology", "simple_bridge").add(prefix + "BridgeCreator", "<unknown>")
                .add(prefix + "BridgeName", "<unknown>").add(prefix + "BridgeNumChannels", channels)
                .add(prefix + "BridgeVideoSourceMode", "none");
    }
}
