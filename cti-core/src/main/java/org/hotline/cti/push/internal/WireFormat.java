package org.hotline.cti.push.internal;

import org.hotline.cti.push.PopJson;
import org.hotline.cti.push.PushMessage;

/**
 * A push message as it travels on the Redis channel: the message plus the publishing node, so that node can skip
 * its own echo (it delivered locally already) even when it relays a message from another origin.
 */
final class WireFormat {

    private WireFormat() {
    }

    /** The JSON shape on the channel; {@code payload} is carried as a string so it arrives byte for byte. */
    record Wire(String publisher, String target, String type, String payload, String origin, long sequence) {
    }

    static String encode(String publisher, PushMessage m) {
        return PopJson.write(new Wire(publisher, m.target(), m.type(), m.payload(), m.origin(), m.sequence()));
    }

    static Wire decode(String text) {
        return PopJson.read(text, Wire.class);
    }

    static PushMessage message(Wire w) {
        return new PushMessage(w.target(), w.type(), w.payload(), w.origin(), w.sequence());
    }
}
