package org.hotline.bench.screenpop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The numbers the benchmark's callers call from: phones of customers drawn at random over the whole table (so
 * lookups hit rows all over the million, not a cached few), plus a share of mobile numbers no customer has.
 */
final class CallerNumbers {

    /** Distinct known numbers drawn; the load picks among them at random. */
    private static final int KNOWN = 20_000;

    private CallerNumbers() {
    }

    /** Draws the numbers for a run; the same seed and data give the same list. */
    static List<String> draw(JdbcTemplate jdbc, int customers, double unknownShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long maxId = jdbc.queryForObject("select coalesce(max(id), 0) from customers", Long.class);
        if (maxId == 0) {
            throw new IllegalStateException("no customers in the database (expected: " + customers + ")");
        }
        Long[] ids = new Long[Math.min(KNOWN, (int) maxId)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1 + random.nextLong(maxId);
        }
        List<String> known = jdbc.query(con -> {
            var ps = con.prepareStatement("select distinct on (customer_id) normalized from customer_phones"
                    + " where customer_id = any(?) order by customer_id, is_primary desc, normalized");
            ps.setArray(1, con.createArrayOf("bigint", ids));
            return ps;
        }, (rs, n) -> rs.getString(1));
        int unknownWanted = unknownShare >= 1 ? KNOWN
                : (int) Math.round(known.size() * unknownShare / (1 - unknownShare));
        Set<String> candidates = new HashSet<>();
        while (candidates.size() < unknownWanted) {
            candidates.add("199" + String.format("%08d", random.nextInt(100_000_000)));
        }
        // drop any candidate a customer happens to have, so "unknown" really finds nobody
        List<String> taken = jdbc.query(con -> {
            var ps = con.prepareStatement("select normalized from customer_phones where normalized = any(?)");
            ps.setArray(1, con.createArrayOf("text", candidates.toArray()));
            return ps;
        }, (rs, n) -> rs.getString(1));
        candidates.removeAll(taken);
        List<String> numbers = new ArrayList<>(unknownShare >= 1 ? List.of() : known);
        numbers.addAll(candidates);
        return numbers;
    }
}
