package org.hotline.cti.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaIndexTests {

    private static final AreaIndex INDEX = AreaIndex.of(List.of(
            new AreaEntry(1, "A0123", "建设南路"),
            new AreaEntry(2, "A0124", "建设南路2号"),
            new AreaEntry(3, "A0200", "建设路"),
            new AreaEntry(4, "B0001", "金山南路"),
            new AreaEntry(5, "C0001", "长沙路"),
            new AreaEntry(6, "C0002", "重庆路"),
            new AreaEntry(7, "D0001", "厦门大厦"),
            new AreaEntry(9, "JSNL9", "和平里"),
            new AreaEntry(10, "HP01", "和平")));

    private static String ids(List<AreaMatch> matches) {
        return matches.stream().map(m -> m.entry().id() + ":" + m.kind()).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "jsnl|1:EXACT_INITIALS 4:EXACT_INITIALS 2:INITIALS_PREFIX 9:CODE_PREFIX",
        "js|3:INITIALS_PREFIX 1:INITIALS_PREFIX 4:INITIALS_PREFIX 2:INITIALS_PREFIX 9:CODE_PREFIX",
        "jsl|3:EXACT_INITIALS",
        "jsnl2|2:EXACT_INITIALS",
        "a01|1:CODE_PREFIX 2:CODE_PREFIX",
        "A0123|1:CODE_PREFIX",
        "a0|1:CODE_PREFIX 2:CODE_PREFIX 3:CODE_PREFIX",
        "a-01|1:CODE_PREFIX 2:CODE_PREFIX",
        "csl|5:EXACT_INITIALS",
        "cql|6:EXACT_INITIALS",
        "xm|7:INITIALS_PREFIX",
        "hp|10:EXACT_INITIALS 9:INITIALS_PREFIX",
        "南路|1:CHINESE_SUBSTRING 4:CHINESE_SUBSTRING 2:CHINESE_SUBSTRING",
        "建设|3:CHINESE_SUBSTRING 1:CHINESE_SUBSTRING 2:CHINESE_SUBSTRING",
        "建设南路|1:CHINESE_SUBSTRING 2:CHINESE_SUBSTRING",
        "建设 南路|1:CHINESE_SUBSTRING 2:CHINESE_SUBSTRING",
        "路2号|2:CHINESE_SUBSTRING",
        "大厦|7:CHINESE_SUBSTRING",
        "xyz|''",
        "上海|''",
    })
    void resultsComeExactInitialsThenPrefixThenCodeThenChinese(String query, String expected) {
        assertThat(ids(INDEX.search(query))).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"jsnl", "JSNL", "JsNl", "ｊｓｎｌ", "' jsnl '", "j.s.n.l"})
    void caseWidthSpacesAndPunctuationDoNotMatter(String query) {
        assertThat(ids(INDEX.search(query)))
                .isEqualTo("1:EXACT_INITIALS 4:EXACT_INITIALS 2:INITIALS_PREFIX 9:CODE_PREFIX");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''|empty", "'    '|spaces", "!!!？。|punctuation", "😀|emoji", "\uE000|private use", "\uD800|lone surrogate",
    })
    void queriesWithNothingSearchableFindNothing(String query, String what) {
        assertThat(INDEX.search(query)).as(what).isEmpty();
    }

    @Test
    void eachMatchCarriesTheNameInitials() {
        assertThat(INDEX.search("cql").get(0).initials()).isEqualTo("CQL");
    }

    @Test
    void anAreaMatchingInSeveralWaysAppearsOnceAtItsBestKind() {
        List<AreaMatch> matches = INDEX.search("hp01");
        assertThat(ids(matches)).isEqualTo("10:CODE_PREFIX");
        assertThat(ids(INDEX.search("hp"))).doesNotContain("10:CODE_PREFIX");
    }

    @Test
    void theLimitKeepsTheBestMatches() {
        assertThat(ids(INDEX.search("js", 2))).isEqualTo("3:INITIALS_PREFIX 1:INITIALS_PREFIX");
        assertThat(ids(INDEX.search("路", 1))).isEqualTo("3:CHINESE_SUBSTRING");
    }

    @ParameterizedTest(name = "{0} chars")
    @CsvSource({"65", "300", "10240"})
    void queriesLongerThan64CharactersAreRejectedWithTheirLength(int length) {
        assertThatThrownBy(() -> INDEX.search("j".repeat(length))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query: " + length + " chars (expected: <= 64)");
    }

    @Test
    void a64CharacterQueryIsAcceptedCountingEmojiAsOneCharacterEach() {
        assertThat(INDEX.search("j".repeat(64))).isEmpty();
        assertThat(INDEX.search("😀".repeat(64))).isEmpty();
        assertThat(INDEX.search("  " + "建".repeat(64) + "  ")).isEmpty();
    }

    @ParameterizedTest(name = "limit {0}")
    @CsvSource({"0", "-1", "201"})
    void limitsOutsideOneTo200AreRejected(int limit) {
        assertThatThrownBy(() -> INDEX.search("js", limit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit: " + limit + " (expected: 1..200)");
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThatThrownBy(() -> AreaIndex.of(List.of(new AreaEntry(1, "A1", "甲"), new AreaEntry(1, "A2", "乙"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate area id 1");
    }

    @ParameterizedTest(name = "code ''{0}'' name ''{1}''")
    @CsvSource({"'',建设路,area 7: blank code", "A1,' ',area 7: blank name"})
    void blankCodesAndNamesAreRejected(String code, String name, String message) {
        assertThatThrownBy(() -> new AreaEntry(7, code, name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        AreaIndex empty = AreaIndex.of(List.of());
        assertThat(empty.size()).isZero();
        assertThat(empty.search("jsnl")).isEmpty();
        assertThat(empty.search("建设")).isEmpty();
    }
}
