package org.hotline.cti.push;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.screenpop.ScreenPop;

/** Screen-pops for the push tests, with Chinese and hostile text where a browser would show it. */
public final class TestPops {

    /** Text a browser must show as text, never run. */
    public static final String HOSTILE = "<img src=x onerror=alert(1)>";

    /** The instant the test calls start ringing. */
    public static final Instant T0 = Instant.parse("2026-03-01T08:15:30.123456789Z");

    private TestPops() {
    }

    /** A ringing pop for {@code agent} and {@code callId} at version 1, ringing {@code secondsAfterT0} after T0. */
    public static ScreenPop pop(String agent, String callId, long secondsAfterT0) {
        return pop(agent, callId, 1, ScreenPop.Status.RINGING, secondsAfterT0);
    }

    /** A pop with the given version and status. */
    public static ScreenPop pop(String agent, String callId, long version, ScreenPop.Status status, long secondsAfterT0) {
        Instant ringing = T0.plusSeconds(secondsAfterT0);
        CustomerCard card = new CustomerCard(42L, "C0001", "张三 " + HOSTILE, CustomerCard.Kind.RESIDENTIAL, true, false,
                "建设南路 12号 \"东\" & 'west' \u2028 </script>", new BigDecimal("1234.50"),
                List.of(new CustomerCard.Account("3300123456", "建设南路 12号", "M-77", true, new BigDecimal("0.00"),
                        null, "台区 7", "10kV 建设线")),
                List.of(new CustomerCard.WorkOrderSummary(9L, "WO-2026-0001", "报修", "派工", ringing.minusSeconds(3600))),
                List.of(new CustomerCard.ContactSummary(ringing.minusSeconds(86400), "phone", "咨询", "问电费 " + HOSTILE,
                        "1002")));
        return new ScreenPop(callId, agent, "Local/" + agent + "@agents", status, "13800138000", "13800138000",
                "张三 " + HOSTILE, "hotline", 12, List.of(card),
                Map.of("IVR_ACCOUNT", "3300123456", "IVR_CHOICE", "1", "NOTE", HOSTILE + " 停电"), ringing,
                ringing.plusSeconds(version), version, false);
    }
}
