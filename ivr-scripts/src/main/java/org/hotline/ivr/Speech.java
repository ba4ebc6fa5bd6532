package org.hotline.ivr;

import static org.hotline.ivr.Prompt.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers, amounts, dates and times said the Chinese way, as a list of catalogue prompts (一万零五十, 两千,
 * 十二元五角, 明天下午三点半). Pure: the scripts turn the list into files with {@link IvrCall#join}.
 */
public final class Speech {

    /** The largest number said: 亿 groups up to 9999. */
    public static final long MAX_NUMBER = 999_999_999_999L;

    private static final Prompt[] GROUP_UNITS = {HUNDRED_MILLION, TEN_THOUSAND, null};
    private static final Prompt[] DIGIT_UNITS = {THOUSAND, HUNDRED, TEN, null};

    private Speech() {
    }

    /** A whole number from 0 to {@link #MAX_NUMBER}. */
    public static List<Prompt> number(long n) {
        if (n < 0 || n > MAX_NUMBER) {
            throw new IllegalArgumentException("n: " + n + " (expected: 0 to " + MAX_NUMBER + ")");
        }
        if (n == 0) {
            return List.of(DIGIT_0);
        }
        List<Prompt> out = new ArrayList<>();
        long[] groups = {n / 100_000_000L, n / 10_000 % 10_000, n % 10_000};
        boolean started = false;
        boolean skipped = false;
        for (int i = 0; i < groups.length; i++) {
            int g = (int) groups[i];
            if (g == 0) {
                skipped |= started;
                continue;
            }
            // 一万零五十, 一亿零一千: a gap between groups is said once as 零
            if (started && (g < 1000 || skipped)) {
                out.add(DIGIT_0);
            }
            group(g, out, !started, GROUP_UNITS[i] != null);
            if (GROUP_UNITS[i] != null) {
                out.add(GROUP_UNITS[i]);
            }
            started = true;
            skipped = false;
        }
        return out;
    }

    // four digits: 两 before 千 and 百 (and a lone 2 before 万/亿), 十 alone at the very start, one 零 per gap
    private static void group(int g, List<Prompt> out, boolean first, boolean beforeUnit) {
        if (g == 2 && beforeUnit) {
            out.add(LIANG);
            return;
        }
        int[] d = {g / 1000, g / 100 % 10, g / 10 % 10, g % 10};
        boolean any = false;
        boolean gap = false;
        for (int k = 0; k < 4; k++) {
            if (d[k] == 0) {
                gap |= any;
                continue;
            }
            if (gap) {
                out.add(DIGIT_0);
                gap = false;
            }
            if (k == 2 && d[k] == 1 && !any && first) {
                out.add(TEN);
            } else {
                out.add(d[k] == 2 && k < 2 ? LIANG : digit(d[k]));
                if (DIGIT_UNITS[k] != null) {
                    out.add(DIGIT_UNITS[k]);
                }
            }
            any = true;
        }
    }

    /** An amount of money in yuan, to the fen (rounded half up): 一百二十三元零五分, 五角, 零元. */
    public static List<Prompt> amount(BigDecimal yuan) {
        if (yuan.signum() < 0) {
            throw new IllegalArgumentException("yuan: " + yuan + " (expected: >= 0)");
        }
        BigDecimal rounded = yuan.setScale(2, RoundingMode.HALF_UP);
        long whole = rounded.longValue();
        int cents = rounded.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        int jiao = cents / 10;
        int fen = cents % 10;
        List<Prompt> out = new ArrayList<>();
        if (whole > 0 || cents == 0) {
            out.addAll(number(whole));
            out.add(YUAN);
        }
        if (jiao > 0) {
            out.add(digit(jiao));
            out.add(JIAO);
        }
        if (fen > 0) {
            if (whole > 0 && jiao == 0) {
                out.add(DIGIT_0);
            }
            out.add(digit(fen));
            out.add(FEN);
        }
        return out;
    }

    /** A day: 今天, 明天, 十二月七日, or with the year (digit by digit) when not in {@code today}'s year. */
    public static List<Prompt> date(LocalDate day, LocalDate today) {
        if (day.equals(today)) {
            return List.of(TODAY);
        }
        if (day.equals(today.plusDays(1))) {
            return List.of(TOMORROW);
        }
        List<Prompt> out = new ArrayList<>();
        if (day.getYear() != today.getYear()) {
            for (char c : Integer.toString(day.getYear()).toCharArray()) {
                out.add(digit(c - '0'));
            }
            out.add(YEAR);
        }
        out.addAll(number(day.getMonthValue()));
        out.add(MONTH);
        out.addAll(number(day.getDayOfMonth()));
        out.add(DAY);
        return out;
    }

    /** A time of day on the 12-hour clock with its part of the day: 凌晨两点, 下午三点半, 晚上八点零五分. */
    public static List<Prompt> time(LocalTime t) {
        int h = t.getHour();
        List<Prompt> out = new ArrayList<>();
        out.add(h < 5 ? EARLY_MORNING : h < 12 ? MORNING : h == 12 ? NOON : h < 18 ? AFTERNOON : EVENING);
        int h12 = h % 12 == 0 ? 12 : h % 12;
        out.addAll(h12 == 2 ? List.of(LIANG) : number(h12));
        out.add(HOUR);
        int m = t.getMinute();
        if (m == 30) {
            out.add(HALF);
        } else if (m > 0) {
            if (m < 10) {
                out.add(DIGIT_0);
            }
            out.addAll(number(m));
            out.add(MINUTE);
        }
        return out;
    }

    /** A day and a time: 明天下午三点半. */
    public static List<Prompt> dateTime(LocalDateTime at, LocalDate today) {
        List<Prompt> out = new ArrayList<>(date(at.toLocalDate(), today));
        out.addAll(time(at.toLocalTime()));
        return out;
    }

    /** A number read digit by digit (an order number's digits, an account). */
    public static List<Prompt> digits(String digits) {
        List<Prompt> out = new ArrayList<>(digits.length());
        for (char c : digits.toCharArray()) {
            if (c >= '0' && c <= '9') {
                out.add(digit(c - '0'));
            }
        }
        return out;
    }
}
