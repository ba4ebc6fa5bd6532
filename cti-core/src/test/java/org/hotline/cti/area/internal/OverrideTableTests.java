package org.hotline.cti.area.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverrideTableTests {

    private static OverrideTable parse(String text) {
        return OverrideTable.parse(new StringReader(text), "test.tsv");
    }

    @Test
    void commentsBlankLinesAndAByteOrderMarkAreSkipped() {
        OverrideTable table = parse("\uFEFF# comment\n\n重庆\tCQ\n  # indented comment\n厦门\tXM\n");
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.initialsOf("厦门")).isEqualTo("XM");
    }

    @Test
    void theLongestWordAtAPositionIsFound() {
        OverrideTable table = parse("长\tC\n长白\tCB\n长白山\tCBS\n");
        assertThat(table.longestWordAt("去长白山", 1)).isEqualTo("长白山");
        assertThat(table.longestWordAt("去长白", 1)).isEqualTo("长白");
        assertThat(table.longestWordAt("去长", 0)).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "重庆\\tCQ\\n厦门 XM|test.tsv:2: 1 fields (expected: word<TAB>INITIALS)",
        "重庆\\tCQ\\tX|test.tsv:1: 3 fields",
        "重庆\\tcq|test.tsv:1: initials cq (expected: upper-case letters A-Z)",
        "重庆\\tCQL|test.tsv:1: 重庆 has 2 characters but 3 initials",
        "A区\\tAQ|test.tsv:1: A区 has characters other than Han",
        "重庆\\tCQ\\n重庆\\tZQ|test.tsv:2: 重庆 is listed twice",
    })
    void aBadLineFailsTheWholeTableNamingTheLine(String text, String message) {
        String unescaped = text.replace("\\t", "\t").replace("\\n", "\n");
        assertThatThrownBy(() -> parse(unescaped)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void everyStandardOverrideFixesTheLibraryOrPinsAPolyphonicReading() {
        OverrideTable table = OverrideTable.parse(standardResource(), "area/pinyin-overrides.tsv");
        List<String> needless = new ArrayList<>();
        new BufferedReader(standardResource()).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t")[0]).forEach(word -> {
                    boolean polyphonic = word.chars().anyMatch(c -> HanInitials.readingsOf((char) c).length > 1);
                    StringBuilder library = new StringBuilder();
                    word.chars().forEach(c -> library.append(HanInitials.initialOf(c)));
                    if (!polyphonic && library.toString().equals(table.initialsOf(word))) {
                        needless.add(word);
                    }
                });
        assertThat(table.size()).isGreaterThanOrEqualTo(60);
        assertThat(needless).as("overrides that neither fix the library nor pin a polyphonic reading").isEmpty();
    }

    private InputStreamReader standardResource() {
        return new InputStreamReader(getClass().getClassLoader().getResourceAsStream("area/pinyin-overrides.tsv"),
                StandardCharsets.UTF_8);
    }
}
