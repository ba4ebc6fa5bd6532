package org.hotline.ivr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.customer.PhoneNumbers;
import org.hotline.cti.customer.PhoneProperties;
import org.hotline.cti.outage.Outages;
import org.hotline.cti.testing.TestClock;
import org.hotline.ivr.internal.FastAgiServer;
import org.hotline.ivr.scripts.ArrearsScript;
import org.hotline.ivr.scripts.FaultReportScript;
import org.hotline.ivr.scripts.HoursScript;
import org.hotline.ivr.scripts.IdentifyScript;
import org.hotline.ivr.scripts.MainMenuScript;
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
    /** The scripts' clock: NOW unless a test moves it. */
    final TestClock clock = new TestClock(IvrTestDatabase.NOW);

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
        List<IvrScript> scripts = new java.util.ArrayList<>(List.of(identify,
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
        // ---- main-menu and hours (H1): as wired, and as named variants without the fault-report or arrears ports
        ServiceCalendar calendar = new ServiceCalendar(db.pool);
        scripts.add(new MainMenuScript(faultReport, arrears, properties));
        scripts.add(named("main-menu-no-fault", new MainMenuScript(null, arrears, properties)));
        scripts.add(named("main-menu-no-arrears", new MainMenuScript(faultReport, null, properties)));
        scripts.add(named("main-menu-bare", new MainMenuScript(null, null, properties)));
        scripts.add(new HoursScript(calendar, faultReport, properties, clock));
        scripts.add(named("hours-no-fault", new HoursScript(calendar, null, properties, clock)));
        // ---- end main-menu and hours
        server = new FastAgiServer(properties, List.copyOf(scripts), db.pool, clock);
        server.start();
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
