package org.hotline.ivr.scripts;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.cti.wallboard.QueueForecast;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;
import org.hotline.ivr.Speech;

/**
 * {@code queue-offer?queue=<name>}: before the caller joins the queue, says the predicted wait ("预计等待约N分钟",
 * from {@link QueueForecast}; nothing when it cannot be predicted) and offers a callback that keeps their place. 1
 * books it and ends the call ({@code offer=callback}); 2 or no key goes on to the queue ({@code offer=wait}). A
 * withheld number, which cannot be called back, hears only the wait ({@code offer=wait:withheld}).
 */
public final class QueueOfferScript implements IvrScript {

    private final QueueCallbacks callbacks;
    private final Function<String, QueueForecast> forecasts;
    private final IvrProperties properties;

    /** The script over the callbacks and the queues' live forecast (by queue name). */
    public QueueOfferScript(QueueCallbacks callbacks, Function<String, QueueForecast> forecasts,
                            IvrProperties properties) {
        this.callbacks = callbacks;
        this.forecasts = forecasts;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "queue-offer";
    }

    @Override
    public void run(IvrCall call) {
        String queue = QueueCallbacks.queueOf(call);
        Optional<Integer> minutes = predictedMinutes(call, queue);
        List<String> wait = minutes.map(m -> IvrCall.join(List.of(Prompt.QUEUE_WAIT), Speech.number(m),
                List.of(Prompt.MINUTES))).orElse(List.of());
        call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
        if (!callbacks.reachable(call)) {
            if (!wait.isEmpty()) {
                call.play(wait, "");
            }
            call.appendPath("offer=wait:withheld");
            return;
        }
        char key = call.choose(IvrCall.join(wait, List.of(Prompt.QUEUE_OFFER_MENU)), "12", properties.digitTimeout());
        if (key == '1') {
            callbacks.book(call, queue, "offer=callback", "offer=wait:withheld");
            return;
        }
        call.appendPath("offer=wait");
    }

    private Optional<Integer> predictedMinutes(IvrCall call, String queue) {
        try {
            QueueForecast f = forecasts.apply(queue);
            call.fact("waitingAhead", f.waitingAhead());
            call.fact("agentsReady", f.agentsReady());
            call.fact("agentsBusy", f.agentsBusy());
            Optional<Integer> minutes = f.expectedMinutes();
            call.fact("predictedMinutes", minutes.orElse(null));
            return minutes;
        } catch (RuntimeException e) {
            // a forecast that fails only loses the announcement; the offer still stands
            call.fact("forecastError", e.toString());
            return Optional.empty();
        }
    }
}
