package org.hotline.cti.area.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Keys (initials or codes) bucketed by length and sorted within a bucket, so exact and prefix matches are binary
 * searches that come out shortest key first, without scanning every entry.
 */
public final class PrefixBuckets {

    /** Sorted keys of each length; index = key length. */
    private final String[][] keys;

    /** The entry of each sorted key, parallel to {@link #keys}. */
    private final int[][] entries;

    /**
     * Builds the buckets.
     *
     * @param keyOfEntry the key of each entry (by entry index)
     * @param tieRank    the order of entries with equal keys (lower first), by entry index
     */
    public PrefixBuckets(String[] keyOfEntry, int[] tieRank) {
        int maxLength = 0;
        for (String key : keyOfEntry) {
            maxLength = Math.max(maxLength, key.length());
        }
        List<List<Integer>> grouped = new ArrayList<>();
        for (int length = 0; length <= maxLength; length++) {
            grouped.add(new ArrayList<>());
        }
        for (int entry = 0; entry < keyOfEntry.length; entry++) {
            grouped.get(keyOfEntry[entry].length()).add(entry);
        }
        Comparator<Integer> order = Comparator.<Integer, String>comparing(e -> keyOfEntry[e])
                .thenComparingInt(e -> tieRank[e]);
        keys = new String[maxLength + 1][];
        entries = new int[maxLength + 1][];
        for (int length = 0; length <= maxLength; length++) {
            List<Integer> bucket = grouped.get(length);
            bucket.sort(order);
            entries[length] = bucket.stream().mapToInt(Integer::intValue).toArray();
            keys[length] = Arrays.stream(entries[length]).mapToObj(e -> keyOfEntry[e]).toArray(String[]::new);
        }
    }

    /**
     * Visits the entries whose key equals {@code prefix} (when {@code exact}) or is longer and starts with it
     * (otherwise), shortest key first, until the visitor returns false.
     */
    public void visit(String prefix, boolean exact, IntPredicate visitor) {
        if (exact) {
            if (prefix.length() < keys.length) {
                visitBucket(prefix.length(), prefix, visitor);
            }
            return;
        }
        for (int length = prefix.length() + 1; length < keys.length; length++) {
            if (!visitBucket(length, prefix, visitor)) {
                return;
            }
        }
    }

    private boolean visitBucket(int length, String prefix, IntPredicate visitor) {
        String[] bucket = keys[length];
        for (int i = lowerBound(bucket, prefix); i < bucket.length && bucket[i].startsWith(prefix); i++) {
            if (!visitor.test(entries[length][i])) {
                return false;
            }
        }
        return true;
    }

    private static int lowerBound(String[] sorted, String key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid].compareTo(key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
