package org.hotline.cti.presence.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.presence.DeskCall;
import org.hotline.cti.presence.DeskRules;
import org.hotline.cti.presence.DeskStatus;

/** The {@code agent-state} payload the desktop reads. */
public final class StateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StateJson() {
    }

    /**
     * {@code {state, reason, reasonLabel, reasonLabelEn, since, wrapUpEndsAt, wrapUpExtendable, queues,
     * pausedQueues:{queue: reason}, partlyPaused, call:{callId, number, name}|null, outcome, outcomeRequired,
     * outcomes:[{code, zh, en}]}}, times as epoch milliseconds; {@code partlyPaused} when paused in some of the queues
     * only (the desk is ready for the others); the outcomes are those of the call on hand or in wrap-up.
     */
    public static String write(DeskStatus s, DeskRules rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state().name());
        m.put("reason", s.reason());
        String[] labels = labels(s.reason(), rules);
        m.put("reasonLabel", labels[0]);
        m.put("reasonLabelEn", labels[1]);
        m.put("since", s.since().toEpochMilli());
        m.put("wrapUpEndsAt", s.wrapUpEndsAt() == null ? null : s.wrapUpEndsAt().toEpochMilli());
        m.put("wrapUpExtendable", s.wrapUpExtension() != null && !s.extended());
        m.put("queues", s.queues());
        m.put("pausedQueues", s.pausedQueues());
        m.put("partlyPaused", s.partlyPaused());
        if (s.call() == null) {
            m.put("call", null);
        } else {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("callId", s.call().callId());
            c.put("number", s.call().number());
            c.put("name", s.call().name());
            m.put("call", c);
        }
        DeskCall handled = s.handled();
        m.put("outcome", s.disposition());
        m.put("outcomeRequired", handled != null && rules.dispositionRequired(handled.queue()));
        m.put("outcomes", handled == null ? List.of() : rules.dispositionsFor(handled.queue()).stream()
                .map(d -> Map.of("code", d.code(), "zh", d.zh(), "en", d.en())).toList());
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agent-state not serializable", e);
        }
    }

    private static String[] labels(String reason, DeskRules rules) {
        if (reason == null) {
            return new String[] {null, null};
        }
        if (reason.equals(DeskStatus.WRAPUP)) {
            return new String[] {"事后处理", "Wrap-up"}; // docs/glossary.md
        }
        if (reason.equals(DeskStatus.LAGGED)) {
            return new String[] {"掉线置忙", "Disconnected pause"};
        }
        return rules.reason(reason).map(r -> new String[] {r.zh(), r.en()}).orElse(new String[] {reason, reason});
    }
}
