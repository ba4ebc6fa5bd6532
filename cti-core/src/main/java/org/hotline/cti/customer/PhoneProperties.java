package org.hotline.cti.customer;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How caller numbers are normalized ({@code hotline.phone.*}, e.g. {@code HOTLINE_PHONE_LOCAL_AREA_CODE}).
 *
 * @param localAreaCode     the company's own area code with its leading 0, prepended to 7–8 digit local numbers
 *                          that arrive without one (default {@code 0571})
 * @param outsideLinePrefix the digit(s) the PBX puts before external numbers (e.g. {@code 9}); stripped when the
 *                          number does not make sense with it (default empty: none)
 */
@ConfigurationProperties("hotline.phone")
public record PhoneProperties(@DefaultValue("0571") String localAreaCode, @DefaultValue("") String outsideLinePrefix) {

    /** Validates both settings. */
    public PhoneProperties {
        Objects.requireNonNull(localAreaCode, "localAreaCode");
        outsideLinePrefix = outsideLinePrefix == null ? "" : outsideLinePrefix.trim();
        localAreaCode = localAreaCode.trim();
        if (!localAreaCode.matches("0(10|2[0-9]|[3-9][0-9]{2})")) {
            throw new IllegalArgumentException("localAreaCode: '" + localAreaCode
                    + "' (expected: a mainland area code with its leading 0, e.g. 010, 027 or 0571)");
        }
        if (!outsideLinePrefix.matches("[0-9]{0,3}")) {
            throw new IllegalArgumentException("outsideLinePrefix: '" + outsideLinePrefix
                    + "' (expected: empty or up to 3 digits, e.g. 9)");
        }
    }

    /** The defaults: local area code 0571, no outside-line prefix. */
    public static PhoneProperties defaults() {
        return new PhoneProperties("0571", "");
    }
}
