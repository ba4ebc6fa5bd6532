package org.hotline.ivr.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.hotline.ivr.CallerHungUpException;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the script a FastAGI request names, and records the run. A script that fails sends the caller on to the
 * queue with an apology and says so in the path; an unknown name does the same without the apology.
 */
final class ScriptRunner implements MappingStrategy, AgiScript {

    private static final Logger log = LoggerFactory.getLogger(ScriptRunner.class);

    private final Map<String, IvrScript> scripts = new HashMap<>();
    private final IvrRuns runs;
    private final Clock clock;
    // sessions whose script is running: back to 0 when no channel is held (a caller who hung up included)
    private final AtomicInteger active = new AtomicInteger();

    ScriptRunner(List<IvrScript> scripts, IvrRuns runs, Clock clock) {
        for (IvrScript s : scripts) {
            IvrScript before = this.scripts.put(s.name(), s);
            if (before != null) {
                throw new IllegalStateException("IVR script name '" + s.name() + "' is used by " + before.getClass()
                        .getName() + " and " + s.getClass().getName() + " (expected: one script per name)");
            }
        }
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        return this;
    }

    /** Sessions whose script is running now. */
    int activeSessions() {
        return active.get();
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        active.incrementAndGet();
        try {
            serve(request, channel);
        } finally {
            active.decrementAndGet();
        }
    }

    private void serve(AgiRequest request, AgiChannel channel) {
        Instant started = clock.instant();
        String name = request.getScript() == null ? "" : request.getScript().replaceFirst("^/+", "");
        IvrScript script = scripts.get(name);
        AgiIvrCall call = new AgiIvrCall(request, channel);
        String outcome;
        String error = null;
        String recordedName = script != null ? name : "unknown";
        try {
            // the run is filed under the call (its Linkedid), not this channel: asked first, while the caller is here
            call.callId();
            if (script == null) {
                outcome = "unknown_script";
                // the name comes from the dialplan: kept as data, short, and only its plain characters
                String shown = name.replaceAll("[^a-z0-9-]", "");
                call.appendPath("unknown-script:" + shown.substring(0, Math.min(40, shown.length())));
                call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
            } else {
                script.run(call);
                outcome = "completed";
            }
        } catch (CallerHungUpException e) {
            outcome = "hung_up";
        } catch (RuntimeException e) {
            outcome = "fallback";
            error = e.toString();
            log.warn("IVR script {} failed on {}; the caller goes to the queue: {}", name, request.getChannel(),
                    e.toString());
            try {
                call.appendPath(name + ":fallback");
                call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
                call.say(Prompt.SORRY_TRANSFER);
            } catch (CallerHungUpException gone) {
                outcome = "hung_up";
            } catch (RuntimeException again) {
                log.warn("IVR fallback on {} failed too: {}", request.getChannel(), again.toString());
            }
        }
        record(call, request, recordedName, started, outcome, error);
    }

    private void record(AgiIvrCall call, AgiRequest request, String name, Instant started, String outcome,
                        String error) {
        try {
            String callId = call.callIdIfKnown();
            runs.record(new IvrRuns.Run(callId != null ? callId : request.getUniqueId(), name,
                    request.getCallerIdNumber(), started, clock.instant(), outcome,
                    call.path() == null ? "" : call.path(), call.facts(), error));
        } catch (RuntimeException e) {
            // the caller was served; only the report row is lost, and the log says which
            log.warn("IVR run of {} on {} ({}) not recorded: {}", name, request.getChannel(), outcome, e.toString());
        }
    }
}
