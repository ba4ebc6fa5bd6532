package org.hotline.sms.outbox.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.sms.message.ReceiptText;

/**
 * The ADR 0026 rule, pure: which unmatched receipts account for which parts of in-doubt messages. A receipt can stand
 * for a part when it went to the same number, from the SMSC's source address, after the part was claimed, and its
 * {@code text:} could be the SMSC's rendering of the part's text (empty says nothing). Parts and receipts linked that
 * way form groups; a group settles when its receipts and parts can be paired one to one and are as many. Otherwise
 * only certain pairs settle (a part and a receipt that can stand only for each other); a receipt that could be either
 * of two parts settles neither. Once a message's window has passed, a group of that message alone with fewer receipts
 * than missing parts settles its first parts: parts go out in order, each after the previous one was accepted, so
 * the ones the SMSC has are the first.
 */
final class InDoubtSettlement {

    /** A receipt may be stored a little before the claim's timestamp is read back (clock steps, commit order). */
    static final Duration SKEW = Duration.ofSeconds(5);

    /** A part of an in-doubt message with no SMSC id recorded. */
    record Part(long messageId, int seq, String destination, String text, Instant claimedAt) {
    }

    /** An unmatched receipt old enough that a live message's own receipt would have been matched by id. */
    record Receipt(long id, String destination, String text, Instant receivedAt, boolean fromOurSource) {
    }

    /**
     * What the rule decided.
     *
     * @param settled each settled part with the receipt that accounts for it
     * @param ambiguous messages with a part that a receipt could stand for but that could not be settled
     */
    record Outcome(Map<Part, Receipt> settled, Set<Long> ambiguous) {
    }

    private InDoubtSettlement() {
    }

    static boolean compatible(Part p, Receipt r) {
        return r.fromOurSource() && p.destination().equals(r.destination())
                && !r.receivedAt().isBefore(p.claimedAt().minus(SKEW)) && ReceiptText.compatible(p.text(), r.text());
    }

    /** Settles what the receipts prove; {@code windowPassed} names the messages whose window is over. */
    static Outcome settle(List<Part> parts, List<Receipt> receipts, Set<Long> windowPassed) {
        Map<Part, Receipt> settled = new LinkedHashMap<>();
        Set<Long> ambiguous = new TreeSet<>();
        Map<String, List<Part>> partsByNumber = new HashMap<>();
        parts.forEach(p -> partsByNumber.computeIfAbsent(p.destination(), k -> new ArrayList<>()).add(p));
        Map<String, List<Receipt>> receiptsByNumber = new HashMap<>();
        receipts.forEach(r -> receiptsByNumber.computeIfAbsent(r.destination(), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<Part>> e : partsByNumber.entrySet()) {
            List<Receipt> rs = receiptsByNumber.getOrDefault(e.getKey(), List.of());
            for (Group g : groups(e.getValue(), rs)) {
                g.decide(windowPassed, settled, ambiguous);
            }
        }
        return new Outcome(settled, ambiguous);
    }

    /** Connected parts and receipts (union-find over the compatibility edges). */
    private static List<Group> groups(List<Part> parts, List<Receipt> receipts) {
        int n = parts.size() + receipts.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        boolean[][] edge = new boolean[parts.size()][receipts.size()];
        boolean[] linked = new boolean[n];
        for (int i = 0; i < parts.size(); i++) {
            for (int j = 0; j < receipts.size(); j++) {
                if (compatible(parts.get(i), receipts.get(j))) {
                    edge[i][j] = true;
                    linked[i] = true;
                    linked[parts.size() + j] = true;
                    union(parent, i, parts.size() + j);
                }
            }
        }
        Map<Integer, Group> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            if (linked[i]) {
                byRoot.computeIfAbsent(find(parent, i), k -> new Group()).parts.add(i);
            }
        }
        for (int j = 0; j < receipts.size(); j++) {
            if (linked[parts.size() + j]) {
                byRoot.get(find(parent, parts.size() + j)).receipts.add(j);
            }
        }
        for (Group g : byRoot.values()) {
            g.all = parts;
            g.allReceipts = receipts;
            g.edge = edge;
            g.parts.sort(Comparator.comparingLong((Integer i) -> parts.get(i).messageId())
                    .thenComparingInt(i -> parts.get(i).seq()));
            g.receipts.sort(Comparator.comparingLong(j -> receipts.get(j).id()));
        }
        return new ArrayList<>(byRoot.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    private static final class Group {
        final List<Integer> parts = new ArrayList<>();
        final List<Integer> receipts = new ArrayList<>();
        List<Part> all;
        List<Receipt> allReceipts;
        boolean[][] edge;

        void decide(Set<Long> windowPassed, Map<Part, Receipt> settled, Set<Long> ambiguous) {
            Set<Long> messages = new TreeSet<>();
            parts.forEach(i -> messages.add(all.get(i).messageId()));
            if (receipts.size() == parts.size() && pair(parts, settled)) {
                return;
            }
            if (messages.size() == 1 && receipts.size() < parts.size()) {
                if (windowPassed.contains(messages.iterator().next())
                        && pair(parts.subList(0, receipts.size()), settled)) {
                    return;
                }
                if (!windowPassed.contains(messages.iterator().next())) {
                    return; // more receipts may come: wait
                }
            }
            // only the pairs that cannot be anything else
            int before = settled.size();
            for (int i : parts) {
                List<Integer> mine = receipts.stream().filter(j -> edge[i][j]).toList();
                if (mine.size() == 1 && parts.stream().filter(k -> edge[k][mine.get(0)]).count() == 1) {
                    settled.put(all.get(i), allReceipts.get(mine.get(0)));
                }
            }
            for (int i : parts) {
                if (!settled.containsKey(all.get(i))) {
                    ambiguous.add(all.get(i).messageId());
                }
            }
            if (settled.size() == before && messages.size() == 1 && receipts.size() > parts.size()) {
                ambiguous.addAll(messages);
            }
        }

        /** Pairs every part in {@code which} with its own receipt of this group (Kuhn's matching), if possible. */
        private boolean pair(List<Integer> which, Map<Part, Receipt> settled) {
            Map<Integer, Integer> receiptToPart = new HashMap<>();
            for (int i : which) {
                if (!augment(i, new TreeSet<>(), receiptToPart)) {
                    return false;
                }
            }
            // receipts in arrival order to parts in order where the texts allow it: SMSCs report in submit order
            receiptToPart.forEach((j, i) -> settled.put(all.get(i), allReceipts.get(j)));
            return true;
        }

        private boolean augment(int i, Set<Integer> seen, Map<Integer, Integer> receiptToPart) {
            // the earliest free receipt first, so that receipts pair with parts in order when the texts allow it
            for (int j : receipts) {
                if (edge[i][j] && !receiptToPart.containsKey(j) && seen.add(j)) {
                    receiptToPart.put(j, i);
                    return true;
                }
            }
            for (int j : receipts) {
                if (edge[i][j] && seen.add(j)) {
                    Integer other = receiptToPart.get(j);
                    if (other == null || augment(other, seen, receiptToPart)) {
                        receiptToPart.put(j, i);
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
