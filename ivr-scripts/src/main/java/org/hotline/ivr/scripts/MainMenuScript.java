package org.hotline.ivr.scripts;

import java.util.List;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrProperties;
import org.hotline.ivr.IvrScript;
import org.hotline.ivr.IvrVariables;
import org.hotline.ivr.Prompt;

/**
 * {@code main-menu}: "报修请按1，电费查询请按2，人工服务请按0" with '*' to hear it again. 1 runs the fault report and 2 the
 * arrears script in the same call; 0 sends the caller to the queue. A key off the menu or none counts as a try
 * ({@link IvrProperties#retries()}, each waiting {@link IvrProperties#digitTimeout()}); after the last the caller
 * goes to the queue. A script whose ports are not wired is not offered (a shorter menu); with neither, the caller
 * goes straight to the queue. The path: {@code menu=1}, {@code menu=2} (then the script's own steps), {@code menu=0},
 * {@code menu=none} (no key), {@code menu=direct} (nothing to offer). When the script run from the menu ends without
 * saying where to go (arrears: nothing owed), the menu is played again.
 */
public final class MainMenuScript implements IvrScript {

    // keys listened for while the menu plays: any, so a wrong key is told as wrong rather than ignored
    private static final String ANY_KEY = "0123456789*#";
    // the most times one caller hears the menu, whatever was pressed
    private static final int MAX_PLAYS = 10;

    private final IvrScript faultReport;
    private final IvrScript arrears;
    private final IvrProperties properties;

    /**
     * The menu over the fault-report and arrears scripts; either may be null (its ports are not wired) and is then
     * not offered.
     */
    public MainMenuScript(FaultReportScript faultReport, ArrearsScript arrears, IvrProperties properties) {
        this.faultReport = faultReport;
        this.arrears = arrears;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "main-menu";
    }

    @Override
    public void run(IvrCall call) {
        if (faultReport == null && arrears == null) {
            toQueue(call, "menu=direct");
            return;
        }
        Prompt options = faultReport == null ? Prompt.MENU_ARREARS
                : arrears == null ? Prompt.MENU_FAULT : Prompt.MENU_FAULT_ARREARS;
        List<String> menu = Prompt.files(options, Prompt.MENU_REPEAT);
        String keys = (faultReport == null ? "" : "1") + (arrears == null ? "" : "2") + "0";
        call.fact("offered", keys);
        int misses = 0;
        for (int plays = 1; misses < properties.retries() && plays <= MAX_PLAYS; plays++) {
            char key = call.play(menu, ANY_KEY);
            if (key == IvrCall.NO_KEY) {
                key = call.waitForKey(properties.digitTimeout());
            }
            call.fact("plays", plays);
            if (key == '*') {
                continue;
            }
            if (key == '0') {
                toQueue(call, "menu=0");
                return;
            }
            IvrScript chosen = key == '1' ? faultReport : key == '2' ? arrears : null;
            if (chosen != null) {
                call.appendPath("menu=" + key);
                chosen.run(call);
                if (!backToMenu(call)) {
                    return;
                }
                misses = 0;
                continue;
            }
            misses++;
            if (misses < properties.retries()) {
                call.say(key == IvrCall.NO_KEY ? Prompt.NO_INPUT : Prompt.MENU_INVALID);
            }
        }
        toQueue(call, "menu=none");
    }

    // a script that set no next step (or asked for the menu) has served what it could: the caller hears the menu again
    private static boolean backToMenu(IvrCall call) {
        String next = call.variable(IvrVariables.NEXT);
        if (next.isEmpty() || next.equals(IvrVariables.NEXT_MENU)) {
            if (!next.isEmpty()) {
                call.setVariable(IvrVariables.NEXT, "");
            }
            return true;
        }
        return false;
    }

    private static void toQueue(IvrCall call, String step) {
        call.appendPath(step);
        call.setVariable(IvrVariables.NEXT, IvrVariables.NEXT_QUEUE);
        call.say(Prompt.MENU_TO_AGENT);
    }
}
