package org.hotline.ivr.scripts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.hotline.cti.calendar.OpeningHours;
import org.hotline.cti.calendar.ServiceCalendar;
import org.hotline.cti.calendar.ServiceDay;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;

/**
 * {@code hours}: whether the hotline is open now, by the weekly hours (an administrator's from the service calendar,
 * else {@code hotline.ivr.hours.*}) and the calendar's holidays, make-up working days and special hours, read on
 * every call so that an administrator's change applies to the next one. Open: nothing is said ({@code hours=open}). Closed: the after-hours message with "报修请按1"
 * when fault reports are wired; 1 runs the fault report in the same call ({@code hours=closed:fault}), anything else
 * hears goodbye and the call ends ({@code hours=closed}, {@link IvrVariables#NEXT} {@code hangup}).
 */
public final class HoursScript implements IvrScript {

    private final ServiceCalendar calendar;
    private final FaultReportScript faultReport;
    private final IvrProperties properties;
    private final Clock clock;

    /** The script over the service calendar; {@code faultReport} may be null (not wired: not offered). */
    public HoursScript(ServiceCalendar calendar, FaultReportScript faultReport, IvrProperties properties, Clock clock) {
        this.calendar = calendar;
        this.faultReport = faultReport;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "hours";
    }

    @Override
    public void run(IvrCall call) {
        LocalDateTime now = clock.instant().atZone(properties.zone()).toLocalDateTime();
        if (isOpen(now)) {
            call.appendPath("hours=open");
            return;
        }
        call.fact("closedAt", now.toString());
        if (faultReport != null) {
            for (int plays = 1; plays <= properties.menuRepeats(); plays++) {
                char key = call.choose(Prompt.files(Prompt.AFTER_HOURS, Prompt.AFTER_HOURS_FAULT), "1",
                        properties.digitTimeout());
                if (key == '1') {
                    call.appendPath("hours=closed:fault");
                    faultReport.run(call);
                    return;
                }
            }
        } else {
            call.say(Prompt.AFTER_HOURS);
        }
        call.appendPath("hours=closed");
        call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_HANGUP);
        call.say(Prompt.GOODBYE);
    }

    /** Whether the hotline is open at {@code now} (the hotline's local time), by the week's hours and the calendar. */
    public boolean isOpen(LocalDateTime now) {
        // two reads of at most seven and two rows per call: cheap enough not to cache, and a change applies at once
        OpeningHours hours = calendar.openingHours(properties.hours().rule());
        Map<LocalDate, ServiceDay> exceptions = new HashMap<>();
        for (ServiceDay day : calendar.between(now.toLocalDate().minusDays(1), now.toLocalDate())) {
            exceptions.put(day.date(), day);
        }
        return hours.isOpen(now, exceptions);
    }
}
