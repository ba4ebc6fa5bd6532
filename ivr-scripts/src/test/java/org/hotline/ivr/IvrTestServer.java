package org.hotline.ivr;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.callback.Callbacks;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.outage.Outages;
import org.hotline.cti.survey.SatisfactionSurveys;
import org.hotline.cti.testing.TestClock;
import org.hotline.cti.wallboard.QueueForecast;
import org.hotline.ivr.internal.FastAgiServer;
import org.hotline.ivr.scripts.ArrearsScript;
import org.hotline.ivr.scripts.CallbackRequestScript;
import org.hotline.ivr.scripts.FaultReportScript;
import org.hotline.ivr.scripts.HoursScript;
import org.hotline.ivr.scripts.IdentifyScript;
import org.hotline.ivr.scripts.MainMenuScript;
import org.hotline.ivr.scripts.OutageNoticeScript;
import org.hotline.ivr.scripts.QueueCallbacks;
import org.hotline.ivr.scripts.QueueOfferScript;
import org.hotline.ivr.scripts.SurveyScript;
import org.springframework.jdbc.datasource.DelegatingDataSource;

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
    /** The scripts' clock: NOW unless a test moves it. */
    final TestClock clock = new TestClock(IvrTestDatabase.NOW);
    /** The call tracker's queue-join times by call id (what the tracker would know). */
    final Map<String, Instant> trackerQueuedAt = new ConcurrentHashMap<>();
    /** The live forecast by queue, settable. */
    volatile Function<String, QueueForecast> forecast = QueueForecast::unknown;
    /** When true, the callbacks and surveys tables cannot be reached (the database is down for them). */
    volatile boolean queueDbDown;

    IvrTestServer(IvrTestDatabase db, IvrProperties properties) {
        PhoneNumbers numbers = new PhoneNumbers(PhoneProperties.defaults());
        IvrSms sms = r -> {
            texts.add(r);
            return smsAnswer.apply(r);
        };
        FaultReports faults = r -> {
            reports.add(r);
            return faultAnswer.apply(r);
        };
        IdentifyScript identify = new IdentifyScript(new CustomerDirectory(db.pool, numbers), numbers, properties);
        ArrearsScript arrears = new ArrearsScript(identify, sms, numbers, properties, clock);
        FaultReportScript faultReport = new FaultReportScript(identify, faults, sms, numbers, properties, clock);
        List<IvrScript> scripts = new ArrayList<>(List.of(identify,
                new OutageNoticeScript(new Outages(db.pool), numbers, properties, clock), arrears, faultReport,
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
        // main menu and hours as wired, and as named variants without the fault-report or arrears ports
        ServiceCalendar calendar = new ServiceCalendar(db.pool);
        scripts.add(new MainMenuScript(faultReport, arrears, properties));
        scripts.add(named("main-menu-no-fault", new MainMenuScript(null, arrears, properties)));
        scripts.add(named("main-menu-no-arrears", new MainMenuScript(faultReport, null, properties)));
        scripts.add(named("main-menu-bare", new MainMenuScript(null, null, properties)));
        scripts.add(new HoursScript(calendar, faultReport, properties, clock));
        scripts.add(named("hours-no-fault", new HoursScript(calendar, null, properties, clock)));
        // queue offer, callback request and survey, over a database the test can take away
        DataSource queueDb = new DelegatingDataSource(db.pool) {
            @Override
            public Connection getConnection() throws SQLException {
                if (queueDbDown) {
                    throw new SQLException("Connection refused (the test's database is down)");
                }
                return super.getConnection();
            }
        };
        QueueCallbacks queueCallbacks = new QueueCallbacks(new Callbacks(queueDb), numbers,
                id -> Optional.ofNullable(trackerQueuedAt.get(id)), clock);
        scripts.add(new QueueOfferScript(queueCallbacks, q -> forecast.apply(q), properties));
        scripts.add(new CallbackRequestScript(queueCallbacks));
        scripts.add(new SurveyScript(new SatisfactionSurveys(queueDb), properties, clock));
        server = new FastAgiServer(properties, List.copyOf(scripts), db.pool, clock);
        server.start();
    }

    /** Forgets what the ports recorded and restores their answers, the forecast, the database and the clock. */
    void reset() {
        texts.clear();
        reports.clear();
        smsAnswer = r -> IvrSms.Outcome.QUEUED;
        faultAnswer = r -> new FaultReports.Created("WO20261207-000123");
        forecast = QueueForecast::unknown;
        trackerQueuedAt.clear();
        queueDbDown = false;
        clock.set(IvrTestDatabase.NOW);
    }

    // a script under another name, for variants of the wiring in one server
    private static IvrScript named(String name, IvrScript script) {
        return new IvrScript() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(IvrCall call) {
                script.run(call);
            }
        };
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
