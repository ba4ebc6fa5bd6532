package org.hotline.cti.area.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Place-name readings that override the library, matched longest word first. */
public final class OverrideTable {

    private final Map<String, String> initialsByWord;

    /** Words grouped by their first code point, longest first, so a lookup tries few candidates. */
    private final Map<Integer, String[]> wordsByFirst;

    private OverrideTable(Map<String, String> initialsByWord) {
        this.initialsByWord = Map.copyOf(initialsByWord);
        Map<Integer, List<String>> grouped = new HashMap<>();
        for (String word : initialsByWord.keySet()) {
            grouped.computeIfAbsent(word.codePointAt(0), k -> new ArrayList<>()).add(word);
        }
        Map<Integer, String[]> sorted = new HashMap<>();
        grouped.forEach((first, words) -> sorted.put(first, words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toArray(String[]::new)));
        this.wordsByFirst = Map.copyOf(sorted);
    }

    /** Builds a table from word → initials pairs, rejecting any pair {@link #validate} rejects. */
    public static OverrideTable of(Map<String, String> initialsByWord) {
        Map<String, String> checked = new LinkedHashMap<>();
        initialsByWord.forEach((word, initials) -> {
            String normalized = Normalizer.normalize(word, Normalizer.Form.NFKC);
            String problem = validate(normalized, initials);
            if (problem != null) {
                throw new IllegalArgumentException("override " + word + ": " + problem);
            }
            checked.put(normalized, initials);
        });
        return new OverrideTable(checked);
    }

    /**
     * Parses the TSV format ({@code word<TAB>INITIALS}, {@code #} comments, blank lines skipped); a bad or duplicate
     * line fails the whole table with its line number, since a half-loaded table would silently mis-read names.
     */
    public static OverrideTable parse(Reader source, String sourceName) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String content = (number == 1 && line.startsWith("\uFEFF")) ? line.substring(1) : line;
                if (content.isBlank() || content.stripLeading().startsWith("#")) {
                    continue;
                }
                String[] fields = content.strip().split("\t");
                if (fields.length != 2) {
                    throw new IllegalArgumentException(sourceName + ":" + number + ": " + fields.length
                            + " fields (expected: word<TAB>INITIALS)");
                }
                String word = Normalizer.normalize(fields[0].strip(), Normalizer.Form.NFKC);
                String initials = fields[1].strip();
                String problem = validate(word, initials);
                if (problem != null) {
                    throw new IllegalArgumentException(sourceName + ":" + number + ": " + problem);
                }
                if (entries.putIfAbsent(word, initials) != null) {
                    throw new IllegalArgumentException(sourceName + ":" + number + ": " + word + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
        return new OverrideTable(entries);
    }

    /** Returns why a pair is unusable, or null: words are Han only and carry exactly one A–Z initial per character. */
    static String validate(String word, String initials) {
        if (word == null || word.isEmpty()) {
            return "empty word";
        }
        if (!word.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return word + " has characters other than Han";
        }
        if (initials == null || !initials.matches("[A-Z]+")) {
            return "initials " + initials + " (expected: upper-case letters A-Z)";
        }
        int chars = word.codePointCount(0, word.length());
        if (initials.length() != chars) {
            return word + " has " + chars + " characters but " + initials.length() + " initials";
        }
        return null;
    }

    /** Returns the longest word that starts at {@code index} of {@code text}, or null. */
    public String longestWordAt(String text, int index) {
        String[] words = wordsByFirst.get(text.codePointAt(index));
        if (words == null) {
            return null;
        }
        for (String word : words) {
            if (text.startsWith(word, index)) {
                return word;
            }
        }
        return null;
    }

    /** Returns the initials of a word found by {@link #longestWordAt}. */
    public String initialsOf(String word) {
        return initialsByWord.get(word);
    }

    /** Returns the number of words in the table. */
    public int size() {
        return initialsByWord.size();
    }
}
