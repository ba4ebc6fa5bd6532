package org.hotline.pbxsim;

import java.util.Map;
import java.util.Objects;

/**
 * How a captured transcript is replayed.
 *
 * @param speed 1 keeps the capture's Timestamp gaps, 10 replays ten times faster, 0 sends as fast as possible
 * @param numbers caller numbers to substitute (captured number → replayed number), applied to every field value
 */
public record ReplayOptions(double speed, Map<String, String> numbers) {

    /** Validates the speed and copies the map. */
    public ReplayOptions {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed: " + speed + " (expected: >= 0)");
        }
        numbers = Map.copyOf(Objects.requireNonNull(numbers, "numbers"));
    }

    /** As fast as possible, numbers unchanged. */
    public static ReplayOptions asFastAsPossible() {
        return new ReplayOptions(0, Map.of());
    }

    /** At the given speed factor, numbers unchanged. */
    public static ReplayOptions atSpeed(double speed) {
        return new ReplayOptions(speed, Map.of());
    }

    /** These options with one more number substitution. */
    public ReplayOptions substitute(String captured, String replayed) {
        java.util.Map<String, String> m = new java.util.HashMap<>(numbers);
        m.put(captured, replayed);
        return new ReplayOptions(speed, m);
    }
}
