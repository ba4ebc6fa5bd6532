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
import java.util.List;
import java.util.Map;
import org.hotline.cti.customer.CustomerCard;

/**
 * Builds complete customer cards for a batch of customers with five statements (header, accounts, open work orders,
 * last contacts, active outages) sent in one round trip, whatever the batch size: no query per customer.
 */
public final class CardLoader {

    /** The columns {@link #readHeader} expects, in this order; {@code c} is customers, {@code a} its address. */
    private static final String HEADER_COLUMNS =
            "c.id, c.customer_no, c.name, c.kind, c.key_account, c.high_risk, a.full_text";

    /** How many open work orders a card shows at most. */
    public static final int MAX_OPEN_ORDERS = 20;

    /** How many past contacts a card shows. */
    public static final int RECENT_CONTACTS = 5;

    /** Binds the parameters of an ids query, starting at {@code index}; returns the next free index. */
    @FunctionalInterface
    public interface Binder {
        /** Sets this query's parameters from {@code index} on; returns the index after the last one set. */
        int bind(PreparedStatement ps, int index) throws SQLException;
    }

    // every part selects from the same ids query, so one round trip carries all four statements (pgjdbc sends them
    // as one batch of extended-protocol messages); "with ordinality" keeps the order the ids query gives
    private static final String HEADERS = "select " + HEADER_COLUMNS + """
             from unnest(array(%1$s)) with ordinality as ids(id, ord)
            join customers c on c.id = ids.id
            left join addresses a on a.id = c.address_id
            order by ids.ord""";

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
            where ac.customer_id = any(array(%1$s)) and ac.closed_at is null
            order by ac.customer_id, ac.account_no""";

    // the clock's columns (awaiting_point, awaiting_deadline, limits) come from the work-orders module's migration
    // (V20): read through to_jsonb so a database without them (cti-core alone) gives nulls instead of an error; the
    // stage's name is the one in the order's own limits snapshot (A: the type's start, else the stage ending there)
    private static final String OPEN_ORDERS = """
            select ids.id, w.id, w.order_no, w.type, w.status, w.created_at, w.j->>'awaiting_point',
                   (w.j->>'awaiting_deadline')::timestamptz, w.j->'limits'->>'label',
                   case when w.j->>'awaiting_point' = 'A' then w.j->'limits'->>'start'
                        else (select s->>'name' from jsonb_array_elements(w.j->'limits'->'stages') s
                              where s->>'to' = w.j->>'awaiting_point' limit 1) end
            from unnest(array(%1$s)) as ids(id)
            cross join lateral (select o.id, o.order_no, o.type, o.status, o.created_at, to_jsonb(o) as j
                                from work_orders o
                                where o.customer_id = ids.id and o.closed_at is null
                                order by o.created_at desc, o.id desc limit %2$d) w
            order by ids.id, w.created_at desc, w.id desc""";

    private static final String RECENT = """
            select ids.id, k.created_at, k.channel, k.category, k.sub_category, k.notes, u.display_name, s.score
            from unnest(array(%1$s)) as ids(id)
            cross join lateral (select id, created_at, channel, category, sub_category, notes, agent_id, call_id
                                from contacts where customer_id = ids.id
                                order by created_at desc, id desc limit %2$d) k
            left join users u on u.id = k.agent_id
            left join satisfaction_surveys s on s.call_id = k.call_id
            order by ids.id, k.created_at desc, k.id desc""";

    // active outages over any premises of the customer: the customer's areas and the open outages on them or their
    // lines first, materialized, so the planner cannot start from the outages table and repeat the customer's chain
    // for each outage (1 ms a pop in bench/lookup with 21 outages) or walk every premises beneath a line outage
    private static final String OUTAGES = """
            with cover as materialized (
                select distinct s.cid, x.id
                from (select ids.id as cid, ta.id as area_id, ta.feeder_line_id as line_id
                      from unnest(array(%1$s)) as ids(id)
                      join accounts ac on ac.customer_id = ids.id and ac.closed_at is null
                      join premises pr on pr.id = ac.premises_id
                      join transformer_areas ta on ta.id = pr.transformer_area_id) s
                cross join lateral (select x.id from outages x
                                    where x.restored_at is null and x.transformer_area_id = s.area_id
                                    union all
                                    select x.id from outages x
                                    where x.restored_at is null and x.feeder_line_id = s.line_id) x)
            select cover.cid, o.outage_no, o.kind, l.code, l.name, oa.code, oa.name, o.reason, o.starts_at,
                   o.expected_end_at
            from cover
            join outages o on o.id = cover.id and o.starts_at <= now() and o.expected_end_at > now()
            left join transformer_areas oa on oa.id = o.transformer_area_id
            join feeder_lines l on l.id = coalesce(o.feeder_line_id, oa.feeder_line_id)
            order by cover.cid, o.id""";

    /** The ids query for a list of ids bound as one array parameter. */
    public static final String IDS_FROM_ARRAY = "select unnest(?::bigint[])";

    /** How many statements {@link #sql(String)} holds; an ids query's parameters are bound once for each. */
    public static final int STATEMENTS = 5;

    private CardLoader() {
    }

    /** The header fields of one customer. */
    private record Header(long id, String customerNo, String name, CustomerCard.Kind kind, boolean keyAccount,
                         boolean highRisk, String address) {
    }

    private static Header readHeader(ResultSet rs) throws SQLException {
        return new Header(rs.getLong(1), rs.getString(2), rs.getString(3),
                "commercial".equals(rs.getString(4)) ? CustomerCard.Kind.COMMERCIAL : CustomerCard.Kind.RESIDENTIAL,
                rs.getBoolean(5), rs.getBoolean(6), rs.getString(7));
    }

    /** The SQL of one lookup: the five statements, each reading its customer ids from {@code idsSql}. */
    public static String sql(String idsSql) {
        return String.join(";\n", HEADERS.formatted(idsSql), ACCOUNTS.formatted(idsSql),
                OPEN_ORDERS.formatted(idsSql, MAX_OPEN_ORDERS), RECENT.formatted(idsSql, RECENT_CONTACTS),
                OUTAGES.formatted(idsSql));
    }

    /** Loads the cards of the given customers, in the order of {@code ids}; unknown ids are left out. */
    public static List<CustomerCard> load(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Array array = c.createArrayOf("bigint", ids.toArray());
        try {
            return load(c, sql(IDS_FROM_ARRAY), (ps, i) -> {
                ps.setArray(i, array);
                return i + 1;
            });
        } finally {
            array.free();
        }
    }

    /**
     * Loads the cards of the customers an ids query selects, in its order, in one round trip; {@code sql} is
     * {@link #sql(String)} of that query and {@code binder} sets its parameters (bound once per statement).
     */
    public static List<CustomerCard> load(Connection c, String sql, Binder binder) throws SQLException {
        List<Header> headers = new ArrayList<>();
        Map<Long, Parts> parts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int index = 1;
            for (int statement = 0; statement < STATEMENTS; statement++) {
                index = binder.bind(ps, index);
            }
            ps.execute();
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    Header h = readHeader(rs);
                    headers.add(h);
                    parts.put(h.id(), new Parts());
                }
            }
            next(ps);
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    int days = rs.getInt(7);
                    Integer daysOverdue = rs.wasNull() ? null : days;
                    BigDecimal arrears = rs.getBigDecimal(6);
                    parts.get(rs.getLong(1)).accounts.add(new CustomerCard.Account(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), arrears == null ? BigDecimal.ZERO : arrears,
                            daysOverdue, rs.getString(8), rs.getString(9)));
                }
            }
            next(ps);
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    Timestamp deadline = rs.getTimestamp(8);
                    parts.get(rs.getLong(1)).orders.add(new CustomerCard.WorkOrderSummary(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                            rs.getString(9), rs.getString(7), rs.getString(10),
                            deadline == null ? null : deadline.toInstant()));
                }
            }
            next(ps);
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(2);
                    parts.get(rs.getLong(1)).contacts.add(new CustomerCard.ContactSummary(at.toInstant(),
                            rs.getString(3), rs.getString(4), summary(rs.getString(5), rs.getString(6)),
                            rs.getString(7), rs.getObject(8, Integer.class)));
                }
            }
            next(ps);
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    parts.get(rs.getLong(1)).outages.add(new CustomerCard.OutageSummary(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant()));
                }
            }
        }
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
                    address, total, p.accounts, p.orders, p.contacts, p.outages));
        }
        return cards;
    }

    private static void next(PreparedStatement ps) throws SQLException {
        if (!ps.getMoreResults()) {
            throw new IllegalStateException("card query returned fewer result sets than statements");
        }
    }

    /** The one-line summary of a contact: "sub-category：notes", either alone, or empty. */
    public static String summary(String subCategory, String notes) {
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
        final List<CustomerCard.OutageSummary> outages = new ArrayList<>();
    }
}
