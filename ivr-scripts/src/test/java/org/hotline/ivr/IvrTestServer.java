package org.hotline.ivr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.outage.Outages;
import org.hotline.cti.testing.TestClock;
import org.hotline.ivr.internal.FastAgiServer;
import org.hotline.ivr.scripts.ArrearsScript;
import org.hotline.ivr.scripts.FaultReportScript;
import org.hotline.ivr.scripts.IdentifyScript;
import org.hotline.ivr.scripts.OutageNoticeScript;

/**
 * A FastAGI server on a free port with every script over the test database, the SMS and fault-report ports recorded
 * (their answers settable), and a script named {@code broken} that fails like a script whose database is down.
 */
final class IvrTestServer implements AutoCloseable {

    /** The SMS port: records every request, answers {@link #smsAnswer}. */
    final List<IvrSms.Request> texts = new CopyOnWriteArrayList<>();
    volatile Function<IvrSms.Request, IvrSms.Outcome> smsAnswer = r -> IvrSms.Outcome.QUEUED;
    /** The fault-report port: records every report, answers {@link #faultAnswer}. */
    final List<FaultReports.Report> reports = new CopyOnWriteArrayList<>();
    volatile Function<FaultReports.Report, FaultReports.Result> faultAnswer =
            r -> new FaultReports.Created("WO20261207-000123");
    final FastAgiServer server;
    // ---- queue offer, callback request and survey (H2 "queue")
    /** The call tracker's queue-join times by call id (what the tracker would know). */
    final java.util.Map<String, java.time.Instant> trackerQueuedAt = new java.util.concurrent.ConcurrentHashMap<>();
    /** The live forecast by queue, settable. */
    volatile Function<String, org.hotline.cti.wallboard.QueueForecast> forecast =
            org.hotline.cti.wallboard.QueueForecast::unknown;
    /** When true, the callbacks and surveys tables cannot be reached (the database is down for them). */
    volatile boolean queueDbDown;

    IvrTestServer(IvrTestDatabase db, IvrProperties properties) {
        PhoneNumbers numbers = new PhoneNumbers(PhoneProperties.defaults());
        TestClock clock = new TestClock(IvrTestDatabase.NOW);
        IvrSms sms = r -> {
            texts.add(r);
            return smsAnswer.apply(r);
        };
        FaultReports faults = r -> {
            reports.add(r);
            return faultAnswer.apply(r);
        };
        IdentifyScript identify = new IdentifyScript(new CustomerDirectory(db.pool, numbers), numbers, properties);
        javax.sql.DataSource queueDb = new org.springframework.jdbc.datasource.DelegatingDataSource(db.pool) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                if (queueDbDown) {
                    throw new java.sql.SQLException("Connection refused (the test's database is down)");
                }
                return super.getConnection();
            }
        };
        org.hotline.ivr.scripts.QueueCallbacks queueCallbacks = new org.hotline.ivr.scripts.QueueCallbacks(
                new org.hotline.cti.callback.Callbacks(queueDb), numbers,
                id -> java.util.Optional.ofNullable(trackerQueuedAt.get(id)), clock);
        List<IvrScript> queueScripts = List.of(
                new org.hotline.ivr.scripts.QueueOfferScript(queueCallbacks, q -> forecast.apply(q), properties),
                new org.hotline.ivr.scripts.CallbackRequestScript(queueCallbacks),
                new org.hotline.ivr.scripts.SurveyScript(new org.hotline.cti.survey.SatisfactionSurveys(queueDb),
                        properties, clock));
        List<IvrScript> scripts = new java.util.ArrayList<>(queueScripts);
        scripts.addAll(List.of(identify,
                new OutageNoticeScript(new Outages(db.pool), numbers, properties, clock),
                new ArrearsScript(identify, sms, numbers, properties, clock),
                new FaultReportScript(identify, faults, sms, numbers, properties, clock),
                new IvrScript() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public void run(IvrCall call) {
                        call.appendPath("broken");
                        throw new IllegalStateException("the database is down");
                    }
                }));
        server = new FastAgiServer(properties, scripts, db.pool, clock);
        server.start();
    }

    FakeAsterisk asterisk() {
        return new FakeAsterisk(server.port());
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
