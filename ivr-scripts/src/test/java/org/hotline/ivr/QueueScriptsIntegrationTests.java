package org.hotline.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ivr.FakeAsterisk.bargeIn;
import static org.hotline.ivr.FakeAsterisk.hangUp;
import static org.hotline.ivr.FakeAsterisk.keys;
import static org.hotline.ivr.FakeAsterisk.silence;
import static org.hotline.ivr.IvrTestDatabase.NOW;
import static org.hotline.ivr.IvrTestDatabase.ONE_ACCOUNT_NUMBER;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.cti.wallboard.QueueForecast;
import org.hotline.ivr.FakeAsterisk.Session;
import org.hotline.ivr.scripts.QueueCallbacks;
import org.junit.jupiter.api.Test;

/** queue-offer, callback-request and survey over FastAGI, with the callbacks and surveys in the test database. */
class QueueScriptsIntegrationTests extends IvrServerTest {

    private static final AtomicInteger ids = new AtomicInteger();

    private static String callId() {
        return "3." + ids.incrementAndGet();
    }

    private static List<String> files(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Prompt prompt) {
                out.add(prompt.file());
            } else {
                ((List<?>) p).forEach(o -> out.add(((Prompt) o).file()));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> callbacks(String callId) {
        return db.jdbc.queryForList("select kind, number, queue, queued_at, waited_seconds, status from callbacks"
                + " where call_id = ?", callId);
    }

    private static List<Map<String, Object>> surveys(String callId) {
        return db.jdbc.queryForList("select score::int as score, queue from satisfaction_surveys where call_id = ?", callId);
    }

    // ---------------------------------------------------------------- queue-offer

    @Test
    void theCallerHearsThePredictedWaitAndPressing1BooksACallbackFromNowAndEndsTheCall() {
        // 5 ahead + this caller, 1 ready, 4 staffed, 240 s a call: 5 × 240 ÷ 4 = 300 s
        server.forecast = q -> new QueueForecast(q, 5, 1, 3, 240.0);
        String id = callId();
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).uniqueId(id).run("queue-offer?queue=hotline",
                keys("1"));
        assertThat(s.played()).containsExactlyElementsOf(files(Prompt.QUEUE_WAIT, Speech.number(5), Prompt.MINUTES,
                Prompt.QUEUE_OFFER_MENU, Prompt.CALLBACK_BOOKED));
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("offer=callback");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
        assertThat(callbacks(id)).singleElement().satisfies(cb -> {
            assertThat(cb).containsEntry("kind", "requested").containsEntry("number", ONE_ACCOUNT_NUMBER)
                    .containsEntry("queue", "hotline").containsEntry("status", "open");
            // not yet in the queue: the place is the moment of the offer
            assertThat(((Timestamp) cb.get("queued_at")).toInstant()).isEqualTo(NOW);
        });
        assertThat((String) db.lastRun(id).get("facts")).contains("\"predictedMinutes\": 5")
                .contains("\"waitingAhead\": 5");
    }

    @Test
    void withNothingToPredictNoWaitIsSaidButTheCallbackIsStillOfferedAnd2GoesOnToTheQueue() {
        server.forecast = q -> new QueueForecast(q, 3, 0, 0, 180.0); // nobody logged in
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("queue-offer?queue=hotline", keys("2"));
        assertThat(s.played()).containsExactly(Prompt.QUEUE_OFFER_MENU.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("offer=wait");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(callbacks(id)).isEmpty();
    }

    @Test
    void aCallerWhoPressesNothingWaitsInTheQueue() {
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("queue-offer?queue=hotline", silence());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("offer=wait");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(callbacks(id)).isEmpty();
    }

    @Test
    void pressing1DuringTheAnnouncementStopsItAndBooks() {
        server.forecast = q -> new QueueForecast(q, 0, 0, 2, 120.0);
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("queue-offer?queue=hotline", bargeIn('1'));
        assertThat(s.played()).containsExactly(Prompt.QUEUE_WAIT.file(), Prompt.CALLBACK_BOOKED.file());
        assertThat(callbacks(id)).hasSize(1);
    }

    @Test
    void aCallerWhoHangsUpDuringTheOfferBooksNothing() {
        String id = callId();
        server.asterisk().uniqueId(id).run("queue-offer?queue=hotline", hangUp());
        assertThat(db.lastRun(id)).containsEntry("outcome", "hung_up");
        assertThat(callbacks(id)).isEmpty();
    }

    @Test
    void aWithheldNumberHearsTheWaitButNoCallbackOfferAndGoesToTheQueue() {
        server.forecast = q -> new QueueForecast(q, 1, 0, 1, 60.0);
        String id = callId();
        Session s = server.asterisk().caller("unknown").uniqueId(id).run("queue-offer?queue=hotline", keys("1"));
        assertThat(s.played()).containsExactlyElementsOf(files(Prompt.QUEUE_WAIT, Speech.number(2), Prompt.MINUTES));
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("offer=wait:withheld");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(callbacks(id)).isEmpty();
    }

    @Test
    void aForecastThatFailsOnlyLosesTheAnnouncement() {
        server.forecast = q -> {
            throw new IllegalStateException("tracker gone");
        };
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("queue-offer?queue=hotline", keys("2"));
        assertThat(s.played()).containsExactly(Prompt.QUEUE_OFFER_MENU.file());
        assertThat((String) db.lastRun(id).get("facts")).contains("forecastError");
    }

    @Test
    void whenTheDatabaseIsDownTheCallerIsToldAndGoesToTheQueue() {
        server.queueDbDown = true;
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("queue-offer?queue=hotline", keys("1"));
        assertThat(s.played()).endsWith(Prompt.SORRY_TRANSFER.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("queue-offer:fallback");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(db.lastRun(id)).containsEntry("outcome", "fallback");
    }

    @Test
    void aQueueNameThatIsNotOneGoesToTheQueueWithoutAnOffer() {
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("queue-offer?queue=a%20b%3Bc");
        assertThat(s.played()).doesNotContain(Prompt.QUEUE_OFFER_MENU.file());
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(db.lastRun(id)).containsEntry("outcome", "fallback");
    }

    // ---------------------------------------------------------------- callback-request

    @Test
    void theQueueExitKeyBooksACallbackAtThePlaceTheTrackerSawTheCallerJoin() {
        String id = callId();
        Instant joined = NOW.minusSeconds(420);
        server.trackerQueuedAt.put(id, joined);
        Session s = server.asterisk().caller(ONE_ACCOUNT_NUMBER).uniqueId(id)
                .run("callback-request?queue=hotline");
        assertThat(s.played()).containsExactly(Prompt.CALLBACK_BOOKED.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("callback=booked");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
        assertThat(callbacks(id)).singleElement().satisfies(cb -> {
            assertThat(((Timestamp) cb.get("queued_at")).toInstant()).isEqualTo(joined);
            assertThat(cb).containsEntry("waited_seconds", 420).containsEntry("kind", "requested");
        });
    }

    @Test
    void withoutTheTrackerThePlaceComesFromTheChannelsQueuedAtVariable() {
        String id = callId();
        Instant joined = NOW.minusSeconds(90);
        server.asterisk().caller(ONE_ACCOUNT_NUMBER).uniqueId(id)
                .variable(QueueCallbacks.QUEUED_AT, Long.toString(joined.getEpochSecond()))
                .variable("HOTLINE_QUEUE", "gas").run("callback-request");
        assertThat(callbacks(id)).singleElement().satisfies(cb -> {
            assertThat(((Timestamp) cb.get("queued_at")).toInstant()).isEqualTo(joined);
            assertThat(cb).containsEntry("queue", "gas");
        });
    }

    @Test
    void pressing1TwiceOnOneCallBooksOneCallbackAndConfirmsBothTimes() {
        String id = callId();
        server.trackerQueuedAt.put(id, NOW.minusSeconds(60));
        Session first = server.asterisk().uniqueId(id).run("callback-request?queue=hotline");
        Session second = server.asterisk().uniqueId(id).run("callback-request?queue=hotline");
        assertThat(first.played()).containsExactly(Prompt.CALLBACK_BOOKED.file());
        assertThat(second.played()).containsExactly(Prompt.CALLBACK_BOOKED.file());
        assertThat(callbacks(id)).hasSize(1);
        assertThat((String) db.lastRun(id).get("facts")).contains("\"callbackAdded\": false");
    }

    @Test
    void aWithheldNumberIsToldItCannotBeCalledBackAndStaysInTheQueue() {
        String id = callId();
        Session s = server.asterisk().caller("").uniqueId(id).run("callback-request?queue=hotline");
        assertThat(s.played()).containsExactly(Prompt.CALLBACK_WITHHELD.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("callback=withheld");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
        assertThat(callbacks(id)).isEmpty();
    }

    @Test
    void whenTheDatabaseIsDownTheCallbackRequestFallsBackToTheQueue() {
        server.queueDbDown = true;
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("callback-request?queue=hotline");
        assertThat(s.played()).containsExactly(Prompt.SORRY_TRANSFER.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("callback-request:fallback");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_QUEUE);
    }

    // ---------------------------------------------------------------- survey

    @Test
    void theCallersScoreIsStoredWithTheCallAndTheCallerThanked() {
        String id = callId();
        Session s = server.asterisk().uniqueId(id).variable("HOTLINE_QUEUE", "hotline").run("survey", keys("5"));
        assertThat(s.played()).containsExactly(Prompt.SURVEY_MENU.file(), Prompt.SURVEY_THANKS.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("survey=5");
        assertThat(s.variable(IvrVariables.NEXT)).isEqualTo(IvrVariables.NEXT_HANGUP);
        assertThat(surveys(id)).singleElement().satisfies(r -> assertThat(r).containsEntry("score", 5)
                .containsEntry("queue", "hotline"));
    }

    @Test
    void aKeyOutsideOneToFiveIsAskedAgainOnce() {
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("survey", keys("9"), keys("2"));
        assertThat(s.played()).containsExactly(Prompt.SURVEY_MENU.file(), Prompt.SURVEY_MENU.file(),
                Prompt.SURVEY_THANKS.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("survey=2");
        assertThat(surveys(id)).singleElement().satisfies(r -> assertThat(r).containsEntry("score", 2));
    }

    @Test
    void pressingDuringTheQuestionAnswersIt() {
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("survey", bargeIn('1'));
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("survey=1");
        assertThat(surveys(id)).hasSize(1);
    }

    @Test
    void noAnswerAfterTheRetryStoresNothing() {
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("survey", silence(), silence());
        assertThat(s.played()).containsExactly(Prompt.SURVEY_MENU.file(), Prompt.SURVEY_MENU.file(),
                Prompt.GOODBYE.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("survey=none");
        assertThat(surveys(id)).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpDuringTheSurveyLeavesNoScore() {
        String id = callId();
        server.asterisk().uniqueId(id).run("survey", hangUp());
        assertThat(db.lastRun(id)).containsEntry("outcome", "hung_up");
        assertThat(surveys(id)).isEmpty();
    }

    @Test
    void aScoreTheDatabaseCannotTakeIsStillThankedForAndSaidUnsavedInThePath() {
        server.queueDbDown = true;
        String id = callId();
        Session s = server.asterisk().uniqueId(id).run("survey", keys("4"));
        assertThat(s.played()).containsExactly(Prompt.SURVEY_MENU.file(), Prompt.SURVEY_THANKS.file());
        assertThat(s.variable(IvrVariables.PATH)).isEqualTo("survey=4:unsaved");
        assertThat(db.lastRun(id)).containsEntry("outcome", "completed");
    }
}
