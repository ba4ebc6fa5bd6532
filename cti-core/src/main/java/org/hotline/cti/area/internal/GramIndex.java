package org.hotline.cti.area.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Substring search over names through character and character-pair postings: a query scans only the names that hold
 * its rarest pair, shortest names first, and stops once the best {@code limit} are certain.
 */
public final class GramIndex {

    private static final int[] EMPTY = new int[0];

    /** Width of each packed field (21 bits): ranks above it cannot be packed, so the index refuses more entries. */
    private static final int MAX_FIELD = (1 << 21) - 1;

    private final String[] textOfEntry;

    /** Entry indices by rank: shorter text first, then text, then the caller's tie rank. */
    private final int[] entryByRank;

    /** Gram key → ascending ranks of the entries whose text holds it. */
    private final Map<Long, int[]> postings;

    /**
     * Builds the index.
     *
     * @param textOfEntry the normalized text of each entry (by entry index)
     * @param tieRank     the order of entries with equal text (lower first), by entry index
     */
    public GramIndex(String[] textOfEntry, int[] tieRank) {
        if (textOfEntry.length > MAX_FIELD) {
            throw new IllegalArgumentException(textOfEntry.length + " names (expected: <= " + MAX_FIELD + ")");
        }
        this.textOfEntry = textOfEntry;
        Integer[] order = new Integer[textOfEntry.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingInt(e -> textOfEntry[e].length())
                .thenComparing(e -> textOfEntry[e]).thenComparingInt(e -> tieRank[e]));
        entryByRank = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        Map<Long, IntList> building = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (int rank = 0; rank < entryByRank.length; rank++) {
            seen.clear();
            int[] cps = textOfEntry[entryByRank[rank]].codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                seen.add(unigram(cps[i]));
                if (i + 1 < cps.length) {
                    seen.add(bigram(cps[i], cps[i + 1]));
                }
            }
            for (Long gram : seen) {
                building.computeIfAbsent(gram, g -> new IntList()).add(rank);
            }
        }
        Map<Long, int[]> frozen = new HashMap<>(building.size() * 2);
        building.forEach((gram, ranks) -> frozen.put(gram, ranks.toArray()));
        postings = frozen;
    }

    /**
     * Returns up to {@code limit} entries whose text contains {@code needle}, best first: shorter text, then earlier
     * match, then text, then tie rank.
     */
    public int[] search(String needle, int limit) {
        int[] cps = needle.codePoints().toArray();
        if (cps.length == 0) {
            return EMPTY;
        }
        int[] candidates = postings.getOrDefault(unigram(cps[0]), EMPTY);
        for (int i = 0; i + 1 < cps.length; i++) {
            int[] pair = postings.getOrDefault(bigram(cps[i], cps[i + 1]), EMPTY);
            if (pair.length < candidates.length) {
                candidates = pair;
            }
        }
        // each match packed as length | position | rank, so sorting the longs sorts by the result order
        long[] found = new long[Math.min(candidates.length, Math.max(limit, 16))];
        int count = 0;
        int cutLength = Integer.MAX_VALUE;
        for (int rank : candidates) {
            String text = textOfEntry[entryByRank[rank]];
            if (text.length() > cutLength) {
                break; // ranks are by length, so nothing later can beat what is already found
            }
            int position = text.indexOf(needle);
            if (position >= 0) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = ((long) Math.min(text.length(), MAX_FIELD) << 42)
                        | ((long) Math.min(position, MAX_FIELD) << 21) | rank;
                if (count == limit) {
                    cutLength = text.length();
                }
            }
        }
        Arrays.sort(found, 0, count);
        int[] result = new int[Math.min(count, limit)];
        for (int i = 0; i < result.length; i++) {
            result[i] = entryByRank[(int) (found[i] & MAX_FIELD)];
        }
        return result;
    }

    private static long unigram(int cp) {
        return cp;
    }

    private static long bigram(int first, int second) {
        return (1L << 42) | ((long) first << 21) | second;
    }

    /** A growable int array, to keep 100,000 names' postings off boxed lists. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
