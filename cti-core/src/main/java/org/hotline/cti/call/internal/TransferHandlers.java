package org.hotline.cti.call.internal;

import java.time.Duration;
import org.hotline.cti.ami.AmiMessage;
import org.hotline.cti.call.AgentInterface;
import org.hotline.cti.call.CallHoldChanged;
import org.hotline.cti.call.CallTransferred;

/** BlindTransfer and AttendedTransfer: who had the call, who has it now, and the hold a consultation leaves. */
final class TransferHandlers {

    private final TrackerEngine e;

    TransferHandlers(TrackerEngine engine) {
        this.e = engine;
    }

    void blindTransfer(AmiMessage m) {
        if (!"Success".equals(m.get("Result"))) {
            return;
        }
        Channel transferer = e.channels.get(m.get("TransfererUniqueid"));
        Channel transferee = e.channels.get(m.get("TransfereeUniqueid"));
        Call call = transferee != null ? transferee.leg.call : transferer != null ? transferer.leg.call : null;
        if (call == null) {
            e.counters.unknownChannels++;
            return;
        }
        String exten = m.get("Extension", "");
        String context = m.get("Context");
        transferred(call, CallTransferred.Kind.BLIND, transferer, context == null ? exten : exten + "@" + context,
                null);
        e.transition(call, CallInput.BLIND_TRANSFERRED);
    }

    /**
     * AttendedTransfer: the caller is bridged with the consultation channel ({@code TransferTarget*}, e.g.
     * {@code Local/1002@hotline-transfer;1}), whose other half talks to the target agent. A completed transfer sends no
     * Unhold (only the caller's MusicOnHoldStop), so the hold ends here, and the target agent answers the call.
     */
    void attendedTransfer(AmiMessage m) {
        if (!"Success".equals(m.get("Result"))) {
            return;
        }
        Channel orig = e.channels.get(m.get("OrigTransfererUniqueid"));
        Channel second = e.channels.get(m.get("SecondTransfererUniqueid"));
        Channel transferee = e.channels.get(m.get("TransfereeUniqueid"));
        Call call = transferee != null ? transferee.leg.call : orig != null ? orig.leg.call : null;
        if (call == null) {
            e.counters.unknownChannels++;
            return;
        }
        Channel target = e.channels.get(m.get("TransferTargetUniqueid"));
        if (target == null && second != null) {
            target = bridgePeer(m.get("SecondBridgeUniqueid"), second);
        }
        if (target == null && transferee != null) {
            // Asterisk 22 sometimes sends no TransferTarget* fields (seen 1 run in 10) and by then the consultation
            // channel has left the second bridge for the caller's: it is the transferee's peer there
            target = bridgePeer(m.get("DestBridgeUniqueid"), transferee);
        }
        Leg targetAgent = target == null ? null : agentBehind(call, target.leg);
        String targetName;
        if (targetAgent != null) {
            targetName = targetAgent.agent.value();
        } else if (target != null) {
            targetName = target.name;
        } else if ("App".equals(m.get("DestType"))) {
            targetName = m.get("DestApp", "");
        } else {
            targetName = second != null ? second.name : m.get("SecondTransfererChannel", "");
        }
        if (call.heldBy != null) {
            AgentInterface held = call.heldBy;
            call.heldBy = null;
            e.emit(new CallHoldChanged(call.id, held, false, e.nowInstant()));
        }
        transferred(call, CallTransferred.Kind.ATTENDED, orig, targetName, targetAgent);
        e.transition(call, CallInput.ATTENDED_TRANSFERRED);
        if (targetAgent != null) {
            // the target now has the customer: its answer (and pop) comes with the transfer, not with the consultation
            call.endedBy = null;
            e.emit(CallHandlers.answered(call, targetAgent, call.queue, Duration.ZERO, e.nowInstant()));
        }
    }

    /** The agent leg a transfer target stands for: itself, or the live agent leg it dialled (a consultation). */
    private static Leg agentBehind(Call call, Leg target) {
        if (target.role == Leg.Role.AGENT && target.agent != null && !target.ended) {
            return target;
        }
        for (Leg l : call.legs) {
            if (l.dialledBy == target && l.role == Leg.Role.AGENT && l.agent != null && !l.ended) {
                return l;
            }
        }
        return null;
    }

    private void transferred(Call call, CallTransferred.Kind kind, Channel transferer, String target, Leg newAgent) {
        AgentInterface from = transferer != null && transferer.leg.role == Leg.Role.AGENT ? transferer.leg.agent
                : call.connected == null ? null : call.connected.agent;
        call.connected = newAgent;
        call.transferPending = true;
        e.emit(new CallTransferred(call.id, kind, from, target, e.nowInstant()));
    }

    private Channel bridgePeer(String bridgeId, Channel self) {
        if (bridgeId == null || bridgeId.isEmpty()) {
            return null;
        }
        for (Channel c : e.channels.values()) {
            if (c != self && bridgeId.equals(c.bridgeId) && c.leg != self.leg) {
                return c;
            }
        }
        return null;
    }

}
