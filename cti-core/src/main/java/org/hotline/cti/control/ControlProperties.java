package org.hotline.cti.control;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Call-control settings {@code hotline.control.*}: the dialplan contexts that click-to-dial, transfers and hold run
 * in (docker/asterisk/extensions.conf and ADR 0010 define them), which numbers an agent may dial, and how long an
 * Originate rings the agent's phone.
 *
 * @param dialContext      Originate's Context: dials the customer number as the Exten
 * @param transferContext  BlindTransfer/Atxfer Context: agent extensions, {@code q-<queue>} and outside numbers
 * @param holdContext      Redirect target of hold: Exten {@code moh} for the customer, {@code wait} for the agent
 * @param numberPattern    numbers an agent may dial or transfer to
 * @param ringAgentTimeout how long Originate rings the agent's own phone first
 * @param commandTimeout   how long a command waits for the PBX's response
 */
@ConfigurationProperties("hotline.control")
public record ControlProperties(@DefaultValue("hotline-dial") String dialContext,
                                @DefaultValue("hotline-transfer") String transferContext,
                                @DefaultValue("hotline-hold") String holdContext,
                                @DefaultValue("^\\+?[0-9]{3,20}$") String numberPattern,
                                @DefaultValue("30s") Duration ringAgentTimeout,
                                @DefaultValue("5s") Duration commandTimeout) {

    /** Checks the pattern compiles and the contexts are set. */
    public ControlProperties {
        Pattern.compile(numberPattern);
        for (String c : new String[] {dialContext, transferContext, holdContext}) {
            if (c == null || !c.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("hotline.control context: '" + c + "' (expected: [A-Za-z0-9_-]+)");
            }
        }
    }

    /** The defaults. */
    public static ControlProperties defaults() {
        return new ControlProperties("hotline-dial", "hotline-transfer", "hotline-hold", "^\\+?[0-9]{3,20}$",
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }
}
