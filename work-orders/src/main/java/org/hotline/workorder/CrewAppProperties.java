package org.hotline.workorder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the crew app ({@code hotline.work-orders.crew.*}): how large and how many photos a crew may send with
 * "done". Bad values refuse the start with a message naming the setting.
 *
 * @param photoMaxSize        the largest photo accepted (5MB); a larger one refuses the whole "done" (413)
 * @param photoMaxCount       the most photos with one "done" (3)
 * @param signInTokenLifetime how long the token of a crew member who signed in with a password works (12h: a shift);
 *                            then the crew page asks for the password again
 */
@ConfigurationProperties("hotline.work-orders.crew")
public record CrewAppProperties(DataSize photoMaxSize, Integer photoMaxCount, Duration signInTokenLifetime) {

    private static final String PREFIX = "hotline.work-orders.crew.";

    /** Fills in the defaults and checks the values. */
    public CrewAppProperties {
        photoMaxSize = photoMaxSize == null ? DataSize.ofMegabytes(5) : photoMaxSize;
        if (photoMaxSize.toBytes() <= 0 || photoMaxSize.toBytes() > DataSize.ofMegabytes(100).toBytes()) {
            throw new IllegalArgumentException(PREFIX + "photo-max-size: " + photoMaxSize
                    + " (expected: more than 0 and at most 100MB)");
        }
        photoMaxCount = photoMaxCount == null ? 3 : photoMaxCount;
        if (photoMaxCount < 0 || photoMaxCount > 20) {
            throw new IllegalArgumentException(PREFIX + "photo-max-count: " + photoMaxCount
                    + " (expected: 0 to 20)");
        }
        signInTokenLifetime = signInTokenLifetime == null ? Duration.ofHours(12) : signInTokenLifetime;
        if (signInTokenLifetime.compareTo(Duration.ofMinutes(5)) < 0
                || signInTokenLifetime.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException(PREFIX + "sign-in-token-lifetime: " + signInTokenLifetime
                    + " (expected: 5m to 7d)");
        }
    }

    /** All defaults. */
    public static CrewAppProperties defaults() {
        return new CrewAppProperties(null, null, null);
    }
}
