package org.hotline.cti.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.hotline.cti.area.internal.SearchText;
import org.junit.jupiter.api.Test;

class AreaIndexAgreementTests {

    private static final String CHARS = "建设南路长沙重庆厦门大道东西北中山解放人民和平幸福新村小区花园街巷里号";

    private final PinyinInitials pinyin = PinyinInitials.standard();

    @Test
    void searchAgreesWithAFullScanOfTheSameRulesOnGeneratedNames() {
        Random random = new Random(42);
        List<AreaEntry> entries = new ArrayList<>();
        for (int id = 0; id < 3000; id++) {
            StringBuilder name = new StringBuilder();
            for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
                name.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            if (random.nextInt(5) == 0) {
                name.append(random.nextInt(30)).append('号');
            }
            String code = String.format("%c%04d", (char) ('A' + random.nextInt(3)), random.nextInt(3000));
            entries.add(new AreaEntry(id, code, name.toString()));
        }
        AreaIndex index = AreaIndex.of(entries);
        List<String> queries = new ArrayList<>(List.of("j", "js", "jsn", "jsnl", "cs", "a0", "a01", "b12", "c",
                "z", "路", "南路", "建设", "号", "长沙", "人民大道", "j1", "xq1"));
        for (int i = 0; i < 30; i++) {
            queries.add(pinyin.of(entries.get(random.nextInt(entries.size())).name()).toLowerCase());
        }
        for (String query : queries) {
            for (int limit : new int[] {1, 5, 20, 200}) {
                assertThat(index.search(query, limit)).as("%s limit %d", query, limit)
                        .isEqualTo(fullScan(entries, query, limit));
            }
        }
    }

    private List<AreaMatch> fullScan(List<AreaEntry> entries, String query, int limit) {
        Comparator<AreaEntry> byName = Comparator.comparing(AreaEntry::name).thenComparingLong(AreaEntry::id);
        if (PinyinInitials.containsHan(query)) {
            String needle = SearchText.of(query);
            Function<AreaEntry, String> text = e -> SearchText.of(e.name());
            return entries.stream().filter(e -> text.apply(e).contains(needle))
                    .sorted(Comparator.<AreaEntry>comparingInt(e -> text.apply(e).length())
                            .thenComparingInt(e -> text.apply(e).indexOf(needle)).thenComparing(text)
                            .thenComparing(byName))
                    .limit(limit).map(e -> new AreaMatch(e, MatchKind.CHINESE_SUBSTRING, pinyin.of(e.name())))
                    .toList();
        }
        String typed = pinyin.of(query);
        Function<AreaEntry, String> initials = e -> pinyin.of(e.name());
        Function<AreaEntry, String> code = e -> SearchText.of(e.code());
        Stream<AreaMatch> exact = entries.stream().filter(e -> initials.apply(e).equals(typed)).sorted(byName)
                .map(e -> new AreaMatch(e, MatchKind.EXACT_INITIALS, initials.apply(e)));
        Stream<AreaMatch> prefix = entries.stream()
                .filter(e -> initials.apply(e).startsWith(typed) && !initials.apply(e).equals(typed))
                .sorted(Comparator.<AreaEntry>comparingInt(e -> initials.apply(e).length()).thenComparing(initials)
                        .thenComparing(byName))
                .map(e -> new AreaMatch(e, MatchKind.INITIALS_PREFIX, initials.apply(e)));
        Stream<AreaMatch> codes = entries.stream().filter(e -> code.apply(e).startsWith(typed))
                .sorted(Comparator.<AreaEntry>comparingInt(e -> code.apply(e).length()).thenComparing(code)
                        .thenComparing(byName))
                .map(e -> new AreaMatch(e, MatchKind.CODE_PREFIX, initials.apply(e)));
        Set<Long> seen = new HashSet<>();
        return Stream.of(exact, prefix, codes).flatMap(s -> s).filter(m -> seen.add(m.entry().id())).limit(limit)
                .toList();
    }
}
