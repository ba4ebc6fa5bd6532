package org.hotline.cti.customer.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.customer.CustomerCard;

/**
 * Builds complete customer cards for a batch of customers in a fixed number of queries (header, accounts, open work
 * orders, last contacts), whatever the batch size: no query per customer.
 */
public final class CardLoader {

    /** The columns {@link #readHeader} expects, in this order; {@code c} is customers, {@code a} its address. */
    public static final String HEADER_COLUMNS =
            "c.id, c.customer_no, c.name, c.kind, c.key_account, c.high_risk, a.full_text";

    /** How many open work orders a card shows at most. */
    public static final int MAX_OPEN_ORDERS = 20;

    /** How many past contacts a card shows. */
    public static final int RECENT_CONTACTS = 5;

    private static final String HEADERS_BY_ID = "select " + HEADER_COLUMNS
            + " from customers c left join addresses a on a.id = c.address_id where c.id = any(?)";

    private static final String ACCOUNTS = """
            select ac.customer_id, ac.account_no, ad.full_text, m.meter_no, m.prepaid_ic_card, ar.total, ar.max_days,
                   ta.name, fl.name
            from accounts ac
            join premises pr on pr.id = ac.premises_id
            join addresses ad on ad.id = pr.address_id
            left join transformer_areas ta on ta.id = pr.transformer_area_id
            left join feeder_lines fl on fl.id = ta.feeder_line_id
            left join lateral (select meter_no, prepaid_ic_card from meters
                               where premises_id = pr.id and removed_at is null
                               order by installed_at desc, id desc limit 1) m on true
            left join lateral (select sum(amount) as total, max(days_overdue) as max_days from arrears
                               where account_id = ac.id) ar on true
            where ac.customer_id = any(?) and ac.closed_at is null
            order by ac.customer_id, ac.account_no""";

    private static final String OPEN_ORDERS = """
            select ids.id, w.id, w.order_no, w.type, w.status, w.created_at
            from unnest(?::bigint[]) as ids(id)
            cross join lateral (select id, order_no, type, status, created_at from work_orders
                                where customer_id = ids.id and closed_at is null
                                order by created_at desc, id desc limit %d) w
            order by ids.id, w.created_at desc, w.id desc""".formatted(MAX_OPEN_ORDERS);

    private static final String RECENT = """
            select ids.id, k.created_at, k.channel, k.category, k.sub_category, k.notes, u.display_name
            from unnest(?::bigint[]) as ids(id)
            cross join lateral (select id, created_at, channel, category, sub_category, notes, agent_id from contacts
                                where customer_id = ids.id
                                order by created_at desc, id desc limit %d) k
            left join users u on u.id = k.agent_id
            order by ids.id, k.created_at desc, k.id desc""".formatted(RECENT_CONTACTS);

    private CardLoader() {
    }

    /** The header fields of one customer as read by a query selecting {@link #HEADER_COLUMNS}. */
    public record Header(long id, String customerNo, String name, CustomerCard.Kind kind, boolean keyAccount,
                         boolean highRisk, String address) {
    }

    /** Reads the current row of a result set selecting {@link #HEADER_COLUMNS} first. */
    public static Header readHeader(ResultSet rs) throws SQLException {
        return new Header(rs.getLong(1), rs.getString(2), rs.getString(3),
                "commercial".equals(rs.getString(4)) ? CustomerCard.Kind.COMMERCIAL : CustomerCard.Kind.RESIDENTIAL,
                rs.getBoolean(5), rs.getBoolean(6), rs.getString(7));
    }

    /** Loads the cards of the given customers, in the order of {@code ids}; unknown ids are left out. */
    public static List<CustomerCard> load(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Header> headers = new ArrayList<>(ids.size());
        Map<Long, Header> byId = new HashMap<>();
        Array array = c.createArrayOf("bigint", ids.toArray());
        try (PreparedStatement ps = c.prepareStatement(HEADERS_BY_ID)) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Header h = readHeader(rs);
                    byId.put(h.id(), h);
                }
            }
        }
        for (Long id : ids) {
            Header h = byId.get(id);
            if (h != null) {
                headers.add(h);
            }
        }
        return complete(c, headers);
    }

    /** Completes headers already read into cards, in the same order. */
    public static List<CustomerCard> complete(Connection c, List<Header> headers) throws SQLException {
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<Long, Parts> parts = new LinkedHashMap<>();
        for (Header h : headers) {
            parts.putIfAbsent(h.id(), new Parts());
        }
        Array array = c.createArrayOf("bigint", parts.keySet().toArray());
        try (PreparedStatement ps = c.prepareStatement(ACCOUNTS)) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int days = rs.getInt(7);
                    Integer daysOverdue = rs.wasNull() ? null : days;
                    BigDecimal arrears = rs.getBigDecimal(6);
                    parts.get(rs.getLong(1)).accounts.add(new CustomerCard.Account(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), arrears == null ? BigDecimal.ZERO : arrears,
                            daysOverdue, rs.getString(8), rs.getString(9)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(OPEN_ORDERS)) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parts.get(rs.getLong(1)).orders.add(new CustomerCard.WorkOrderSummary(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(RECENT)) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(2);
                    parts.get(rs.getLong(1)).contacts.add(new CustomerCard.ContactSummary(at.toInstant(),
                            rs.getString(3), rs.getString(4), summary(rs.getString(5), rs.getString(6)),
                            rs.getString(7)));
                }
            }
        }
        array.free();
        List<CustomerCard> cards = new ArrayList<>(headers.size());
        for (Header h : headers) {
            Parts p = parts.get(h.id());
            BigDecimal total = BigDecimal.ZERO;
            for (CustomerCard.Account a : p.accounts) {
                total = total.add(a.arrears());
            }
            String address = h.address() != null || p.accounts.isEmpty() ? h.address()
                    : p.accounts.get(0).premisesAddress();
            cards.add(new CustomerCard(h.id(), h.customerNo(), h.name(), h.kind(), h.keyAccount(), h.highRisk(),
                    address, total, p.accounts, p.orders, p.contacts));
        }
        return cards;
    }

    private static String summary(String subCategory, String notes) {
        boolean hasSub = subCategory != null && !subCategory.isBlank();
        boolean hasNotes = notes != null && !notes.isBlank();
        if (hasSub && hasNotes) {
            return subCategory + "：" + notes;
        }
        return hasSub ? subCategory : hasNotes ? notes : "";
    }

    private static final class Parts {
        final List<CustomerCard.Account> accounts = new ArrayList<>();
        final List<CustomerCard.WorkOrderSummary> orders = new ArrayList<>();
        final List<CustomerCard.ContactSummary> contacts = new ArrayList<>();
    }
}
