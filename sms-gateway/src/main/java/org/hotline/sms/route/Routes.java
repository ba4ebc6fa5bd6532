package org.hotline.sms.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The routing rule, pure (ADR 0035): a number goes to the accounts whose prefixes take it, best priority first, then
 * the longest matching prefix; accounts equal on both share the traffic in turn; accounts that are not bound are
 * left out (failover to the next), and an account whose prefixes exclude the number is never used.
 */
public final class Routes {

    private Routes() {
    }

    /**
     * The bound accounts to try for {@code destination}, in order; empty when no account that takes it is bound.
     *
     * @param spread rotates accounts that are equal in priority and prefix length (a counter: round-robin)
     */
    public static List<String> order(String destination, List<RouteAccount> accounts, Predicate<String> bound,
                                     int spread) {
        List<RouteAccount> matching = new ArrayList<>();
        for (RouteAccount a : accounts) {
            if (a.match(destination) >= 0 && bound.test(a.name())) {
                matching.add(a);
            }
        }
        // stable: equal accounts keep their configured order before the rotation
        matching.sort(Comparator.comparingInt(RouteAccount::priority)
                .thenComparing(Comparator.comparingInt((RouteAccount a) -> a.match(destination)).reversed()));
        List<String> out = new ArrayList<>(matching.size());
        int i = 0;
        while (i < matching.size()) {
            int j = i;
            while (j < matching.size() && equal(matching.get(i), matching.get(j), destination)) {
                j++;
            }
            int size = j - i;
            for (int k = 0; k < size; k++) {
                out.add(matching.get(i + Math.floorMod(spread + k, size)).name());
            }
            i = j;
        }
        return out;
    }

    /** Whether any account takes {@code destination} at all, bound or not (else it can never be sent). */
    public static boolean routable(String destination, List<RouteAccount> accounts) {
        return accounts.stream().anyMatch(a -> a.match(destination) >= 0);
    }

    /** The accounts that take {@code destination}, bound or not, in the order they would be tried when all are. */
    public static List<String> candidates(String destination, List<RouteAccount> accounts) {
        return order(destination, accounts, name -> true, 0);
    }

    private static boolean equal(RouteAccount a, RouteAccount b, String destination) {
        return a.priority() == b.priority() && a.match(destination) == b.match(destination);
    }
}
