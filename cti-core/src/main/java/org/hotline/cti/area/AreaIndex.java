package org.hotline.cti.area;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hotline.cti.area.internal.GramIndex;
import org.hotline.cti.area.internal.PrefixBuckets;
import org.hotline.cti.area.internal.SearchText;

/**
 * An immutable in-memory index of area names and codes answering what an agent types while the caller speaks:
 * pinyin initials (jsnl), their prefix (jsn), an area code (A0123) or Chinese text (南路).
 *
 * <p>Typed letters and digits match, best first: {@link MatchKind#EXACT_INITIALS}, {@link MatchKind#INITIALS_PREFIX}
 * (shorter initials first), {@link MatchKind#CODE_PREFIX} (shorter codes first); a query holding Chinese matches
 * {@link MatchKind#CHINESE_SUBSTRING} (shorter names, then earlier matches first). Equal matches are ordered by name,
 * then id, so results are stable. Case, full-width forms, spaces and punctuation do not matter. Every lookup is a
 * binary search or a scan of the rarest character pair's postings, so 100,000 areas answer in microseconds
 * (figures in docs/adr/0008-pinyin-initials.md). Thread-safe.
 */
public final class AreaIndex {

    /** Longest query accepted, in characters: longer input is a paste, not a search. */
    public static final int MAX_QUERY_LENGTH = 64;

    /** Results returned when the caller gives no limit. */
    public static final int DEFAULT_LIMIT = 20;

    /** Most results one search may ask for. */
    public static final int MAX_LIMIT = 200;

    private final AreaEntry[] entries;

    private final String[] initials;

    private final PinyinInitials pinyin;

    private final PrefixBuckets initialsIndex;

    private final PrefixBuckets codeIndex;

    private final GramIndex nameIndex;

    private AreaIndex(AreaEntry[] entries, PinyinInitials pinyin) {
        this.entries = entries;
        this.pinyin = pinyin;
        int count = entries.length;
        initials = new String[count];
        String[] codes = new String[count];
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            initials[i] = pinyin.of(entries[i].name());
            codes[i] = SearchText.of(entries[i].code());
            names[i] = SearchText.of(entries[i].name());
        }
        Integer[] byName = new Integer[count];
        Arrays.setAll(byName, i -> i);
        Arrays.sort(byName, Comparator.<Integer, String>comparing(i -> entries[i].name())
                .thenComparingLong(i -> entries[i].id()));
        int[] nameRank = new int[count];
        for (int rank = 0; rank < count; rank++) {
            nameRank[byName[rank]] = rank;
        }
        initialsIndex = new PrefixBuckets(initials, nameRank);
        codeIndex = new PrefixBuckets(codes, nameRank);
        nameIndex = new GramIndex(names, nameRank);
    }

    /** Indexes {@code entries} with the standard place-name readings. */
    public static AreaIndex of(Collection<AreaEntry> entries) {
        return of(entries, PinyinInitials.standard());
    }

    /**
     * Indexes {@code entries} with the given readings.
     *
     * @throws IllegalArgumentException when two entries share an id, or there are more than 2,097,151 of them
     */
    public static AreaIndex of(Collection<AreaEntry> entries, PinyinInitials pinyin) {
        Objects.requireNonNull(pinyin, "pinyin");
        AreaEntry[] array = entries.toArray(AreaEntry[]::new);
        Set<Long> ids = new HashSet<>();
        for (AreaEntry entry : array) {
            Objects.requireNonNull(entry, "entry");
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("duplicate area id " + entry.id());
            }
        }
        return new AreaIndex(array, pinyin);
    }

    /** Returns the number of areas indexed. */
    public int size() {
        return entries.length;
    }

    /** Searches with {@link #DEFAULT_LIMIT}; see {@link #search(String, int)}. */
    public List<AreaMatch> search(String query) {
        return search(query, DEFAULT_LIMIT);
    }

    /**
     * Returns up to {@code limit} areas matching {@code query}, best first; empty when the query holds nothing
     * searchable (blank, punctuation, emoji).
     *
     * @throws IllegalArgumentException when the query is longer than {@link #MAX_QUERY_LENGTH} characters
     *                                  ({@code query: 300 chars (expected: <= 64)}) or the limit is outside 1..
     *                                  {@link #MAX_LIMIT}
     */
    public List<AreaMatch> search(String query, int limit) {
        Objects.requireNonNull(query, "query");
        String trimmed = query.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query: " + length + " chars (expected: <= " + MAX_QUERY_LENGTH + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
        }
        if (PinyinInitials.containsHan(trimmed)) {
            String needle = SearchText.of(trimmed);
            List<AreaMatch> matches = new ArrayList<>();
            for (int entry : nameIndex.search(needle, limit)) {
                matches.add(match(entry, MatchKind.CHINESE_SUBSTRING));
            }
            return List.copyOf(matches);
        }
        String typed = pinyin.of(trimmed);
        if (typed.isEmpty()) {
            return List.of();
        }
        Collector collector = new Collector(limit);
        collector.kind = MatchKind.EXACT_INITIALS;
        initialsIndex.visit(typed, true, collector::offer);
        collector.kind = MatchKind.INITIALS_PREFIX;
        initialsIndex.visit(typed, false, collector::offer);
        collector.kind = MatchKind.CODE_PREFIX;
        codeIndex.visit(typed, true, collector::offer);
        codeIndex.visit(typed, false, collector::offer);
        return List.copyOf(collector.matches);
    }

    private AreaMatch match(int entry, MatchKind kind) {
        return new AreaMatch(entries[entry], kind, initials[entry]);
    }

    /** Gathers matches in tier order, each area once (at its best kind), up to the limit. */
    private final class Collector {
        private final int limit;
        private final List<AreaMatch> matches = new ArrayList<>();
        private final Set<Integer> taken = new HashSet<>();
        private MatchKind kind;

        Collector(int limit) {
            this.limit = limit;
        }

        boolean offer(int entry) {
            if (matches.size() >= limit) {
                return false;
            }
            if (taken.add(entry)) {
                matches.add(match(entry, kind));
            }
            return matches.size() < limit;
        }
    }
}
