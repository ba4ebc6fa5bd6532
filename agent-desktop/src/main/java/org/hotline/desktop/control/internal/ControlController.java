package org.hotline.desktop.control.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.hotline.cti.control.CallControl;
import org.hotline.cti.control.ControlException;
import org.hotline.cti.control.ControlResult;
import org.hotline.cti.control.TransferKind;
import org.hotline.cti.control.TransferTarget;
import org.hotline.cti.presence.DeskRules;
import org.hotline.cti.presence.Presence;
import org.hotline.cti.recording.RecordingControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent's own desk and call controls under {@code /api/control}: whose desk and calls these are comes from the
 * logged-in user only. Every state command answers the new {@code agent-state} payload.
 */
@RestController
@RequestMapping("/api/control")
class ControlController {

    private final Presence presence;
    private final CallControl calls;
    private final RecordingControl recording;

    ControlController(Presence presence, CallControl calls, RecordingControl recording) {
        this.presence = presence;
        this.calls = calls;
        this.recording = recording;
    }

    @GetMapping("/state")
    ResponseEntity<String> state(Principal me) {
        return json(presence.statusJson(me.getName()));
    }

    @GetMapping("/pause-reasons")
    List<DeskRules.Reason> pauseReasons(Principal me) {
        return presence.pauseReasons(me.getName());
    }

    @PostMapping("/login")
    ResponseEntity<String> login(Principal me) {
        presence.login(me.getName());
        return state(me);
    }

    @PostMapping("/logout")
    ResponseEntity<String> logout(Principal me) {
        presence.logout(me.getName());
        return state(me);
    }

    @PostMapping("/ready")
    ResponseEntity<String> ready(Principal me) {
        presence.ready(me.getName());
        return state(me);
    }

    @PostMapping("/pause")
    ResponseEntity<String> pause(Principal me, @RequestBody(required = false) Map<String, String> body) {
        presence.pause(me.getName(), field(body, "reason"));
        return state(me);
    }

    @PostMapping("/wrapup/finish")
    ResponseEntity<String> finishWrapUp(Principal me) {
        presence.finishWrapUp(me.getName());
        return state(me);
    }

    /** The call outcomes for the agent's own call on hand or in wrap-up (empty without one). */
    @GetMapping("/outcomes")
    List<DeskRules.Disposition> outcomes(Principal me) {
        return presence.dispositions(me.getName());
    }

    /** Records the call outcome of the agent's own call: only the desk's own call, so nobody chooses for another. */
    @PostMapping("/outcome")
    ResponseEntity<String> chooseOutcome(Principal me, @RequestBody(required = false) Map<String, String> body) {
        presence.chooseDisposition(me.getName(), field(body, "code"));
        return state(me);
    }

    @PostMapping("/wrapup/extend")
    ResponseEntity<String> extendWrapUp(Principal me) {
        presence.extendWrapUp(me.getName());
        return state(me);
    }

    @PostMapping("/dial")
    Map<String, String> dial(Principal me, @RequestBody(required = false) Map<String, String> body) {
        return done(calls.dial(me.getName(), field(body, "number")));
    }

    @PostMapping("/hangup")
    Map<String, String> hangup(Principal me, @RequestBody(required = false) Map<String, String> body) {
        return done(calls.hangup(me.getName(), field(body, "callId")));
    }

    @PostMapping("/transfer")
    Map<String, String> transfer(Principal me, @RequestBody(required = false) Map<String, String> body) {
        TransferTarget target = new TransferTarget(TransferTarget.Type.parse(optional(body, "targetType")),
                field(body, "target"));
        return done(calls.transfer(me.getName(), field(body, "callId"), target,
                TransferKind.parse(optional(body, "kind"))));
    }

    @PostMapping("/hold")
    Map<String, String> hold(Principal me, @RequestBody(required = false) Map<String, String> body) {
        return done(calls.hold(me.getName(), field(body, "callId")));
    }

    @PostMapping("/unhold")
    Map<String, String> unhold(Principal me, @RequestBody(required = false) Map<String, String> body) {
        return done(calls.unhold(me.getName(), field(body, "callId")));
    }

    // the agent pauses the recording while the customer gives card or identity details (docs/adr/0030)
    @PostMapping("/recording/pause")
    Map<String, String> pauseRecording(Principal me, @RequestBody(required = false) Map<String, String> body) {
        return done(recording.pause(me.getName(), field(body, "callId"), true));
    }

    @PostMapping("/recording/resume")
    Map<String, String> resumeRecording(Principal me, @RequestBody(required = false) Map<String, String> body) {
        return done(recording.pause(me.getName(), field(body, "callId"), false));
    }

    /** A command the PBX confirmed: {@code outcome} done, what is now true, and the event that proved it. */
    static Map<String, String> done(ControlResult r) {
        return Map.of("outcome", "done", "code", r.code(), "message", r.message(), "confirmedBy", r.confirmedBy());
    }

    static ResponseEntity<String> json(String payload) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(payload);
    }

    static String field(Map<String, String> body, String name) {
        String v = optional(body, name);
        if (v == null || v.isBlank()) {
            throw new ControlException(ControlException.Kind.INVALID, "'" + name + "' is required");
        }
        return v;
    }

    private static String optional(Map<String, String> body, String name) {
        return body == null ? null : body.get(name);
    }
}
