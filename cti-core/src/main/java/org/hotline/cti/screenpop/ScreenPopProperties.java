package org.hotline.cti.screenpop;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the screen-pop ({@code hotline.screenpop.*}, env {@code HOTLINE_SCREENPOP_*}).
 *
 * @param variables the channel variables the IVR sets that an agent sees in the pop (default HOTLINE_ACCOUNT,
 *     HOTLINE_IVR_PATH, HOTLINE_CUSTOMER_ID, HOTLINE_OUTAGE, HOTLINE_WORKORDER, IVR_ACCOUNT, IVR_CHOICE); they must
 *     also be in manager.conf {@code channelvars}
 * @param accountVariables channel variables holding an account number keyed in the IVR; the first one set puts that
 *     account's customer first in the pop (default HOTLINE_ACCOUNT, IVR_ACCOUNT)
 * @param maxCustomers the most customers listed for one number before the agent is asked to search (default 10)
 * @param workers threads that look customers up and build pops; events of one call run in order, calls side by side (default 4)
 */
@ConfigurationProperties("hotline.screenpop")
public record ScreenPopProperties(
        @DefaultValue({"HOTLINE_ACCOUNT", "HOTLINE_IVR_PATH", "HOTLINE_CUSTOMER_ID", "HOTLINE_OUTAGE", "HOTLINE_WORKORDER",
            "IVR_ACCOUNT", "IVR_CHOICE"}) List<String> variables,
        @DefaultValue({"HOTLINE_ACCOUNT", "IVR_ACCOUNT"}) List<String> accountVariables,
        @DefaultValue("10") int maxCustomers,
        @DefaultValue("4") int workers) {

    /** Checks the limits. */
    public ScreenPopProperties {
        variables = List.copyOf(variables);
        accountVariables = List.copyOf(accountVariables);
        if (maxCustomers < 1 || maxCustomers > 100) {
            throw new IllegalArgumentException("maxCustomers: " + maxCustomers + " (expected: 1..100)");
        }
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("workers: " + workers + " (expected: 1..64)");
        }
    }

    /** The defaults, for code that builds the service without Spring. */
    public static ScreenPopProperties defaults() {
        return new ScreenPopProperties(List.of("HOTLINE_ACCOUNT", "HOTLINE_IVR_PATH", "HOTLINE_CUSTOMER_ID",
                "HOTLINE_OUTAGE", "HOTLINE_WORKORDER", "IVR_ACCOUNT", "IVR_CHOICE"),
                List.of("HOTLINE_ACCOUNT", "IVR_ACCOUNT"), 10, 4);
    }

}
