package org.hotline.cti.network;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.hotline.cti.area.AreaDirectory;
import org.hotline.cti.area.AreaIndex;
import org.hotline.cti.customer.CustomerCard;
import org.hotline.cti.customer.CustomerDirectory;
import org.hotline.cti.outage.OutageStatus;
import org.hotline.cti.outage.OutageView;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agent's one search box: area codes, pinyin initials (case-insensitive) and Chinese names of areas and lines
 * from the in-memory {@link AreaDirectory}, then customers by account, customer number, phone or name prefix from the
 * {@link CustomerDirectory}; each hit with its repair centre, contact and open outages. Odd input (symbols, emoji)
 * finds nothing; too long input is refused. Thread-safe.
 */
public class Lookup {

    /** Longest query accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = AreaIndex.MAX_QUERY_LENGTH;

    /** Most results one lookup returns. */
    public static final int MAX_LIMIT = CustomerDirectory.MAX_LIMIT;

    private static final String CUSTOMER_AREAS = """
            select distinct on (ac.customer_id) ac.customer_id, p.transformer_area_id
            from accounts ac join premises p on p.id = ac.premises_id
            where ac.customer_id = any(?) and ac.closed_at is null and p.transformer_area_id is not null
            order by ac.customer_id, ac.id""";

    private final AreaDirectory areas;
    private final CustomerDirectory customers;
    private final Network network;
    private final OutageStatus outages;
    private final JdbcTemplate jdbc;

    /** Searches {@code areas} and {@code customers}, details from {@code network}, status from {@code outages}. */
    public Lookup(DataSource dataSource, AreaDirectory areas, CustomerDirectory customers, Network network,
                  OutageStatus outages) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.areas = Objects.requireNonNull(areas, "areas");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.network = Objects.requireNonNull(network, "network");
        this.outages = Objects.requireNonNull(outages, "outages");
    }

    /**
     * Up to {@code limit} hits for {@code query}: areas and lines first (best match first), then customers.
     *
     * @throws IllegalArgumentException when the query is longer than {@link #MAX_QUERY_LENGTH} characters or the
     *                                  limit is outside 1..{@link #MAX_LIMIT}
     */
    public List<LookupResult> search(String query, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
        }
        String q = query == null ? "" : query.strip();
        int length = q.codePointCount(0, q.length());
        if (length > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("q: " + length + " chars (expected: <= " + MAX_QUERY_LENGTH + ")");
        }
        if (q.isEmpty() || q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return List.of();
        }
        List<AreaDirectory.Hit> hits = areas.search(q, Math.min(limit, AreaIndex.MAX_LIMIT));
        List<CustomerCard> cards = hits.size() < limit ? customers.search(q, limit - hits.size()) : List.of();

        List<Long> areaIds = new ArrayList<>();
        List<Long> lineIds = new ArrayList<>();
        for (AreaDirectory.Hit h : hits) {
            (h.type() == AreaDirectory.Type.AREA ? areaIds : lineIds).add(h.id());
        }
        Map<Long, Long> customerArea = customerAreas(cards.stream().map(CustomerCard::id).toList());
        Set<Long> allAreaIds = new HashSet<>(areaIds);
        allAreaIds.addAll(customerArea.values());
        Map<Long, Network.AreaDetails> areaDetails = network.areaDetails(List.copyOf(allAreaIds));
        Map<Long, Network.LineDetails> lineDetails = network.lineDetails(lineIds);
        Set<Long> allLineIds = new HashSet<>(lineIds);
        areaDetails.values().forEach(a -> allLineIds.add(a.lineId()));
        List<OutageView> open = outages.openCovering(allAreaIds, allLineIds);

        List<LookupResult> results = new ArrayList<>(hits.size() + cards.size());
        for (AreaDirectory.Hit h : hits) {
            if (h.type() == AreaDirectory.Type.AREA) {
                Network.AreaDetails a = areaDetails.get(h.id());
                if (a != null) { // deleted since the index was built
                    results.add(new LookupResult("area", a.code(), a.name(), h.initials(), a.lineCode(), a.lineName(),
                            a.code(), a.name(), null, a.centre(), a.person(), a.phone(), covering(open, a)));
                }
            } else {
                Network.LineDetails l = lineDetails.get(h.id());
                if (l != null) {
                    List<OutageView> mine = open.stream()
                            .filter(o -> o.outage().lineWide() && l.code().equals(o.outage().lineCode())).toList();
                    results.add(new LookupResult("line", l.code(), l.name(), h.initials(), l.code(), l.name(), null,
                            null, null, l.centre(), null, null, mine));
                }
            }
        }
        for (CustomerCard card : cards) {
            Long areaId = customerArea.get(card.id());
            Network.AreaDetails a = areaId == null ? null : areaDetails.get(areaId);
            results.add(a == null
                    ? new LookupResult("customer", card.customerNo(), card.name(), null, null, null, null, null,
                            card.customerNo(), null, null, null, List.of())
                    : new LookupResult("customer", card.customerNo(), card.name(), null, a.lineCode(), a.lineName(),
                            a.code(), a.name(), card.customerNo(), a.centre(), a.person(), a.phone(),
                            covering(open, a)));
        }
        return results;
    }

    private static List<OutageView> covering(List<OutageView> open, Network.AreaDetails a) {
        return open.stream().filter(o -> a.code().equals(o.outage().areaCode())
                || (o.outage().lineWide() && a.lineCode().equals(o.outage().lineCode()))).toList();
    }

    private Map<Long, Long> customerAreas(List<Long> customerIds) {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        jdbc.execute((ConnectionCallback<Void>) c -> {
            Array array = c.createArrayOf("bigint", customerIds.toArray());
            try (var ps = c.prepareStatement(CUSTOMER_AREAS)) {
                ps.setArray(1, array);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return null;
        });
        return out;
    }
}
