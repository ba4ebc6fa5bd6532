package org.hotline.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpeechTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    // what a listener hears: the prompts' Chinese text run together
    private static String heard(List<Prompt> prompts) {
        return prompts.stream().map(Prompt::zh).collect(Collectors.joining());
    }

    @ParameterizedTest
    @CsvSource({"0, 零", "7, 七", "10, 十", "12, 十二", "20, 二十", "105, 一百零五", "110, 一百一十", "200, 两百",
        "1010, 一千零一十", "2000, 两千", "2222, 两千两百二十二", "10050, 一万零五十", "20000, 两万",
        "22222, 两万两千两百二十二", "100000, 十万", "1000001, 一百万零一", "100001000, 一亿零一千",
        "210000000, 两亿一千万", "999999999999, 九千九百九十九亿九千九百九十九万九千九百九十九"})
    void numbersAreSaidTheChineseWay(long n, String said) {
        assertThat(heard(Speech.number(n))).isEqualTo(said);
    }

    @Test
    void numbersOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> Speech.number(-1)).hasMessageContaining("expected: 0 to 999999999999");
        assertThatThrownBy(() -> Speech.number(Speech.MAX_NUMBER + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 零元", "0.5, 五角", "0.05, 五分", "12.5, 十二元五角", "123.05, 一百二十三元零五分",
        "1234.56, 一千两百三十四元五角六分", "100, 一百元", "99.999, 一百元"})
    void amountsAreSaidInYuanJiaoAndFen(String yuan, String said) {
        assertThat(heard(Speech.amount(new BigDecimal(yuan)))).isEqualTo(said);
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThatThrownBy(() -> Speech.amount(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void daysAreTodayTomorrowOrMonthAndDayWithTheYearOnlyWhenItDiffers() {
        assertThat(heard(Speech.date(TODAY, TODAY))).isEqualTo("今天");
        assertThat(heard(Speech.date(TODAY.plusDays(1), TODAY))).isEqualTo("明天");
        assertThat(heard(Speech.date(LocalDate.of(2026, 12, 25), TODAY))).isEqualTo("十二月二十五日");
        assertThat(heard(Speech.date(LocalDate.of(2027, 1, 10), TODAY))).isEqualTo("二零二七年一月十日");
    }

    @ParameterizedTest
    @CsvSource({"00:00, 凌晨十二点", "02:00, 凌晨两点", "08:05, 上午八点零五分", "12:00, 中午十二点",
        "15:30, 下午三点半", "20:45, 晚上八点四十五分", "14:10, 下午两点十分"})
    void timesAreSaidOnTheTwelveHourClockWithThePartOfTheDay(String time, String said) {
        assertThat(heard(Speech.time(LocalTime.parse(time)))).isEqualTo(said);
    }

    @Test
    void aDayAndATimeAreSaidTogether() {
        assertThat(heard(Speech.dateTime(LocalDateTime.of(2026, 12, 8, 15, 30), TODAY))).isEqualTo("明天下午三点半");
    }

    @Test
    void digitsAreSaidOneByOne() {
        assertThat(heard(Speech.digits("WO20261207-000123"))).isEqualTo("二零二六一二零七零零零一二三");
    }

    @Test
    void everyCatalogueIdIsUniqueAndMakesAFileName() {
        assertThat(List.of(Prompt.values())).extracting(Prompt::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9-]+"));
        assertThat(Prompt.ofId("goodbye")).isEqualTo(Prompt.GOODBYE);
        assertThat(Prompt.digit(7).zh()).isEqualTo("七");
    }
}
