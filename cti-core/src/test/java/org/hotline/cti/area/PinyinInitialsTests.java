package org.hotline.cti.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinyinInitialsTests {

    private final PinyinInitials pinyin = PinyinInitials.standard();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "建设南路, JSNL", "重庆, CQ", "长沙, CS", "厦门, XM", "六安, LA", "蚌埠, BB", "丽水, LS", "番禺, PY",
        "乐清, YQ", "长安, CA", "重阳, CY", "长子, ZZ", "大栅栏, DSL", "单县, SX", "尉犁, YL", "铅山, YS", "涡阳, GY",
        "东阿, DE", "会稽, KJ", "洪洞, HT", "浒墅关, XSG", "长江路, CJL", "重庆路, CQL", "长沙市芙蓉区, CSSFRQ",
        "厦门大厦, XMDS", "大厦, DS", "解放路, JFL", "朝阳门, CYM", "成都, CD", "中国银行营业厅, ZGYHYYT",
    })
    void placeNamesReadAsAgentsSayThem(String name, String initials) {
        assertThat(pinyin.of(name)).isEqualTo(initials);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "建设南路2号, JSNL2", "建设南路12号楼, JSNL12", "幸福小区3栋2单元501室, XFXQ32501", "No.5解放路, NO5JFL",
        "解放路 2 号, JFL2H", "号楼, HL", "A区, AQ", "ＡＢ区１号, ABQ1", "①号院, 1Y", "Ⅱ期, IIQ",
        "jsnl, JSNL", "JsNl, JSNL", "长沙-路（东）, CSLD",
    })
    void lettersAndDigitsAreKeptUpperCasedAndHouseNumberWordsDropped(String text, String initials) {
        assertThat(pinyin.of(text)).isEqualTo(initials);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''|empty", "'   '|spaces", "！？。，、《》|Chinese punctuation", "😀🔥|emoji", "\uE000\uF8FF|private use",
        "\uD800\uDFFF|unpaired surrogates", "Привет|Cyrillic", "𠀀𪚥|Han beyond the library's range",
    })
    void textWithNothingTypeableGivesEmptyInitials(String text, String what) {
        assertThat(pinyin.of(text)).as(what).isEmpty();
    }

    @Test
    void untypeableCharactersInsideANameAreDroppedAndTheRestKept() {
        assertThat(pinyin.of("建😀设\uE000南\uD800路")).isEqualTo("JSNL");
    }

    @Test
    void aTenKilobyteStringGivesOneInitialPerCharacter() {
        assertThat(pinyin.of("建".repeat(10_240))).isEqualTo("J".repeat(10_240));
    }

    @Test
    void everyUnicodeCodePointGivesOnlyUpperCaseLettersAndDigits() {
        StringBuilder chunk = new StringBuilder();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            chunk.appendCodePoint(cp);
            if (chunk.length() >= 8192 || cp == Character.MAX_CODE_POINT) {
                assertThat(pinyin.of(chunk.toString())).matches("[A-Z0-9]*");
                chunk.setLength(0);
            }
        }
    }

    @Test
    void nullTextIsAProgrammingErrorNotAnEmptyName() {
        assertThatThrownBy(() -> pinyin.of(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }

    @Test
    void theStandardTableLoadsEveryRowOfTheResource() {
        assertThat(pinyin.overrideCount()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void withoutOverridesTheLibraryReadingIsUsed() {
        PinyinInitials bare = PinyinInitials.withOverrides(Map.of());
        assertThat(bare.of("重庆")).isEqualTo("ZQ");
        assertThat(bare.of("厦门")).isEqualTo("SM");
    }

    @Test
    void theLongestOverrideWordWins() {
        PinyinInitials custom = PinyinInitials.withOverrides(Map.of("长", "C", "长子", "ZZ"));
        assertThat(custom.of("长子长安")).isEqualTo("ZZCA");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "重庆, cq, upper-case letters", "重庆, C, 2 characters but 1 initials", "A区, AQ, other than Han",
        "重庆, C1, upper-case letters",
    })
    void unusableOverridesAreRejectedWithTheReason(String word, String initials, String reason) {
        assertThatThrownBy(() -> PinyinInitials.withOverrides(Map.of(word, initials)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }
}
