package org.hotline.ivr.scripts;

import java.time.Clock;
import org.hotline.cti.survey.SatisfactionSurveys;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;

/**
 * {@code survey}: after the agent hung up (Queue option c), asks for a score 5 (非常满意) … 1 (非常不满意), once
 * more when no valid key came, stores it with the call id (the agent is joined from the call record, written when the
 * call ends) and thanks the caller ({@code survey=5}; {@code survey=none} without a score). A score the database
 * could not take is still thanked for ({@code survey=5:unsaved}): the caller's call is over, no agent to send them to.
 */
public final class SurveyScript implements IvrScript {

    // the question and one retry
    private static final int ASKS = 2;

    private final SatisfactionSurveys surveys;
    private final IvrProperties properties;
    private final Clock clock;

    /** The script over the surveys table. */
    public SurveyScript(SatisfactionSurveys surveys, IvrProperties properties, Clock clock) {
        this.surveys = surveys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "survey";
    }

    @Override
    public void run(IvrCall call) {
        call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_HANGUP);
        // read before asking: a caller who hangs up right after pressing still has their score stored
        String callId = call.callId();
        String queue = call.variable("HOTLINE_QUEUE");
        char key = IvrCall.NO_KEY;
        for (int ask = 1; ask <= ASKS && key == IvrCall.NO_KEY; ask++) {
            key = call.choose(Prompt.files(Prompt.SURVEY_MENU), "12345", properties.digitTimeout());
            call.fact("asks", ask);
        }
        if (key == IvrCall.NO_KEY) {
            call.appendPath("survey=none");
            call.say(Prompt.GOODBYE);
            return;
        }
        int score = key - '0';
        call.fact("score", score);
        String step = "survey=" + score;
        try {
            surveys.record(callId, score, queue, clock.instant());
        } catch (RuntimeException e) {
            call.fact("error", e.toString());
            step += ":unsaved";
        }
        call.appendPath(step);
        call.say(Prompt.SURVEY_THANKS);
    }
}
