package org.hotline.ivr;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hotline.cti.calendar.OpeningHours;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the FastAGI server and its scripts ({@code hotline.ivr.*}, env {@code HOTLINE_IVR_*}).
 *
 * @param enabled            whether the FastAGI server runs (default true)
 * @param bindAddress        the address it listens on (default 127.0.0.1; 0.0.0.0 when Asterisk is on another host)
 * @param port               its port (default 4573, FastAGI's; 0 picks a free one)
 * @param allowedPeers       the only addresses whose connections are served (Asterisk's; default 127.0.0.1, ::1):
 *                           FastAGI has no login, and a script can create orders and send SMS
 * @param minThreads         threads kept for sessions (default 20)
 * @param maxSessions        sessions served at once, one thread each; a call beyond it is refused and goes to the
 *                           queue by the dialplan (default 1000)
 * @param readTimeout        the longest wait for Asterisk's answer to one command before the session is dropped, so a
 *                           lost Asterisk never holds a thread (default 10m; longer than any prompt)
 * @param digitTimeout       how long a caller has to press a key after a prompt (default 5s)
 * @param retries            tries a caller gets for an answer (default 3)
 * @param maxAccountDigits   the longest account number (户号) accepted (default 20)
 * @param accountCheckDigit  how the last digit of an account number checks the others: none or luhn (default none)
 * @param menuRepeats        how often a notice with a menu is played when no key is pressed (default 2)
 * @param zone               whose clock dates and times are said in (default Asia/Shanghai)
 * @param faultOrderType     the work-order type of a fault reported by keypad (default repair)
 * @param hours              the weekly opening hours the {@code hours} script checks ({@code hotline.ivr.hours.*};
 *                           default open 24 hours every day, as a 95598 line is) on the days an administrator has not
 *                           set on the service calendar's page, before its holidays, make-up working days and special
 *                           hours
 */
@ConfigurationProperties("hotline.ivr")
public record IvrProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("4573") int port,
        @DefaultValue({"127.0.0.1", "::1"}) List<String> allowedPeers,
        @DefaultValue("20") int minThreads,
        @DefaultValue("1000") int maxSessions,
        @DefaultValue("10m") Duration readTimeout,
        @DefaultValue("5s") Duration digitTimeout,
        @DefaultValue("3") int retries,
        @DefaultValue("20") int maxAccountDigits,
        @DefaultValue("none") CheckDigit accountCheckDigit,
        @DefaultValue("2") int menuRepeats,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("repair") String faultOrderType,
        @DefaultValue Hours hours) {

    /**
     * The weekly opening hours ({@code hotline.ivr.hours.*}).
     *
     * @param open  when the line opens, HH:mm (default 00:00)
     * @param close when it closes, HH:mm; not after {@code open} means on the next day, equal to it 24 hours
     *              (default 00:00: 24 hours)
     * @param days  the days of the week it opens (default MONDAY to SUNDAY)
     */
    public record Hours(
            @DefaultValue("00:00") LocalTime open,
            @DefaultValue("00:00") LocalTime close,
            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"})
            Set<DayOfWeek> days) {

        /** Open 24 hours every day. */
        public static final Hours ALWAYS = new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                EnumSet.allOf(DayOfWeek.class));

        /** Checks the hours. */
        public Hours {
            require(open != null && close != null, "hours.open/close", open + "/" + close, "HH:mm");
            require(days != null && !days.isEmpty(), "hours.days", days, "at least one day, e.g. MONDAY,TUESDAY");
            days = Set.copyOf(days);
        }

        /** These hours as the calendar's rule. */
        public OpeningHours rule() {
            return new OpeningHours(open, close, days);
        }
    }

    /** These settings, open 24 hours every day. */
    public IvrProperties(boolean enabled, String bindAddress, int port, List<String> allowedPeers, int minThreads,
                         int maxSessions, Duration readTimeout, Duration digitTimeout, int retries,
                         int maxAccountDigits, CheckDigit accountCheckDigit, int menuRepeats, ZoneId zone,
                         String faultOrderType) {
        this(enabled, bindAddress, port, allowedPeers, minThreads, maxSessions, readTimeout, digitTimeout, retries,
                maxAccountDigits, accountCheckDigit, menuRepeats, zone, faultOrderType, Hours.ALWAYS);
    }

    /** These settings with other opening hours. */
    public IvrProperties withHours(Hours newHours) {
        return new IvrProperties(enabled, bindAddress, port, allowedPeers, minThreads, maxSessions, readTimeout,
                digitTimeout, retries, maxAccountDigits, accountCheckDigit, menuRepeats, zone, faultOrderType, newHours);
    }

    /** How an account number's last digit checks the others. */
    public enum CheckDigit {
        /** No check digit: any digits are looked up. */
        NONE,
        /** The Luhn (mod 10) check digit. */
        LUHN;

        /** Whether {@code digits} (only digits) passes this check. */
        public boolean accepts(String digits) {
            if (this == NONE) {
                return true;
            }
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                int d = digits.charAt(digits.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
            }
            return digits.length() > 1 && sum % 10 == 0;
        }
    }

    /** Checks the limits. */
    @ConstructorBinding
    public IvrProperties {
        hours = hours == null ? Hours.ALWAYS : hours;
        allowedPeers = List.copyOf(allowedPeers);
        require(port >= 0 && port <= 65_535, "port", port, "0..65535");
        require(minThreads >= 1 && minThreads <= maxSessions, "minThreads", minThreads, "1..maxSessions");
        require(maxSessions >= 1 && maxSessions <= 10_000, "maxSessions", maxSessions, "1..10000");
        require(!readTimeout.isNegative() && readTimeout.compareTo(Duration.ofSeconds(10)) >= 0, "readTimeout",
                readTimeout, ">= 10s");
        require(digitTimeout.compareTo(Duration.ofSeconds(1)) >= 0 && digitTimeout.compareTo(Duration.ofMinutes(1)) <= 0,
                "digitTimeout", digitTimeout, "1s..1m");
        require(retries >= 1 && retries <= 10, "retries", retries, "1..10");
        require(maxAccountDigits >= 4 && maxAccountDigits <= 40, "maxAccountDigits", maxAccountDigits, "4..40");
        require(menuRepeats >= 1 && menuRepeats <= 10, "menuRepeats", menuRepeats, "1..10");
        require(faultOrderType != null && !faultOrderType.isBlank(), "faultOrderType", faultOrderType,
                "a work-order type's code");
    }

    private static void require(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + expected + ")");
        }
    }

    /** The defaults, for code that builds the server without Spring. */
    public static IvrProperties defaults() {
        return new IvrProperties(true, "127.0.0.1", 4573, List.of("127.0.0.1", "::1"), 20, 1000,
                Duration.ofMinutes(10), Duration.ofSeconds(5), 3, 20, CheckDigit.NONE, 2, ZoneId.of("Asia/Shanghai"), "repair");
    }

    /** These settings on another port (0: a free one). */
    public IvrProperties withPort(int newPort) {
        return new IvrProperties(enabled, bindAddress, newPort, allowedPeers, minThreads, maxSessions, readTimeout,
                digitTimeout, retries, maxAccountDigits, accountCheckDigit, menuRepeats, zone, faultOrderType, hours);
    }
}
