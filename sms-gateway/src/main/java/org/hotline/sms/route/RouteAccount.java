package org.hotline.sms.route;

import java.util.List;

/**
 * What routing knows of one account.
 *
 * @param name the account's configured name
 * @param priority lower is tried first
 * @param prefixes the number prefixes it takes (empty: any number)
 */
public record RouteAccount(String name, int priority, List<String> prefixes) {

    /** Copies the prefixes. */
    public RouteAccount {
        prefixes = List.copyOf(prefixes);
    }

    /** How long the longest prefix of this account that {@code destination} starts with is; -1 when none does. */
    public int match(String destination) {
        if (prefixes.isEmpty()) {
            return 0;
        }
        int best = -1;
        for (String p : prefixes) {
            if (p.length() > best && destination.startsWith(p)) {
                best = p.length();
            }
        }
        return best;
    }
}
