package org.hotline.smscsim.cmpp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.smscsim.ReceivedSms;

/** Joins the simulated gateway's submits into whole messages by destination, UDH reference and Pk_total. */
final class Reassembly {

    private final Map<String, List<byte[]>> partsInProgress = new HashMap<>();
    private final List<ReceivedSms> messages = new ArrayList<>();

    static byte[] payload(GatewaySession.Submit s) {
        byte[] c = s.content();
        int udh = s.tpUdhi() == 1 && c.length > 0 ? Math.min(c.length, (c[0] & 0xff) + 1) : 0;
        return java.util.Arrays.copyOfRange(c, udh, c.length);
    }

    static String text(int msgFmt, byte[] payload) {
        Charset cs = switch (msgFmt) {
            case 8 -> StandardCharsets.UTF_16BE;
            case 15 -> Charset.forName("GBK");
            default -> StandardCharsets.US_ASCII;
        };
        return new String(payload, cs);
    }

    synchronized void add(GatewaySession.Submit s) {
        byte[] payload = payload(s);
        if (s.pkTotal() <= 1) {
            messages.add(new ReceivedSms(s.destination(), s.msgFmt(), 1, payload, text(s.msgFmt(), payload)));
            return;
        }
        int ref = s.content().length > 3 ? s.content()[3] & 0xff : 0;
        String key = s.destination() + '|' + ref + '|' + s.pkTotal();
        List<byte[]> parts = partsInProgress.computeIfAbsent(key, k -> new ArrayList<>(java.util.Collections
                .nCopies(s.pkTotal(), (byte[]) null)));
        parts.set(Math.max(0, Math.min(s.pkTotal(), s.pkNumber()) - 1), payload);
        if (parts.stream().allMatch(p -> p != null)) {
            partsInProgress.remove(key);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            parts.forEach(all::writeBytes);
            byte[] joined = all.toByteArray();
            messages.add(new ReceivedSms(s.destination(), s.msgFmt(), s.pkTotal(), joined, text(s.msgFmt(), joined)));
        }
    }

    synchronized List<ReceivedSms> messages() {
        return List.copyOf(messages);
    }

    synchronized Map<String, Integer> countsByDestinationAndText() {
        Map<String, Integer> counts = new HashMap<>();
        for (ReceivedSms m : messages) {
            counts.merge(m.destination() + '|' + m.text(), 1, Integer::sum);
        }
        return counts;
    }
}
