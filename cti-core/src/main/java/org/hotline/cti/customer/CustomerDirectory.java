package org.hotline.cti.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.hotline.cti.customer.internal.CardLoader;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds customers and their complete cards in PostgreSQL, for screen-pops, the IVR and the agent desktop, and
 * records contacts. A lookup by phone or account is one round trip of four statements whatever the number of
 * customers found; every call uses one connection, joining a Spring-managed transaction when there is one.
 * Thread-safe.
 */
public final class CustomerDirectory {

    /** The most cards one lookup returns. */
    public static final int MAX_LIMIT = 100;

    /** The shortest text looked for inside addresses (one character would match half the city). */
    public static final int MIN_ADDRESS_TEXT = 2;

    private static final String CARDS_BY_PHONE = CardLoader.sql(
            "select customer_id from customer_phones where normalized = ? order by is_primary desc, customer_id limit ?");

    private static final String CARDS_BY_ACCOUNT = CardLoader.sql(
            "select customer_id from accounts where account_no = ?");

    private static final String IDS_BY_CUSTOMER_NO = "select id from customers where customer_no = ?";

    private static final String IDS_BY_ACCOUNT_NO = "select customer_id from accounts where account_no = ?";

    private static final String IDS_BY_PHONE = """
            select customer_id from customer_phones where normalized = ? order by is_primary desc, customer_id limit ?""";

    private static final String IDS_BY_NAME_PREFIX = """
            select id from customers where name collate "C" like ? escape '\\'
            order by name collate "C", id limit ?""";

    // a substring of the address as shown, or of the street, of the customer's main address or of a premises they
    // hold an open account at (trigram indexes of migration V3 serve the "contains" match)
    private static final String IDS_BY_ADDRESS = """
            select id from (
                select c.id, c.name from customers c join addresses a on a.id = c.address_id
                where a.full_text like ? escape '\\' or a.street like ? escape '\\'
                union
                select c.id, c.name from accounts ac
                join premises p on p.id = ac.premises_id
                join addresses a on a.id = p.address_id
                join customers c on c.id = ac.customer_id
                where ac.closed_at is null and (a.full_text like ? escape '\\' or a.street like ? escape '\\')
            ) m order by name collate "C", id limit ?""";

    private static final String CONTACT_HISTORY = """
            select k.created_at, k.channel, k.category, k.sub_category, k.notes, u.display_name, s.score
            from contacts k left join users u on u.id = k.agent_id
            left join satisfaction_surveys s on s.call_id = k.call_id
            where k.customer_id = ? and k.created_at < ?
            order by k.created_at desc, k.id desc limit ?""";

    private static final String INSERT_CONTACT = """
            insert into contacts (customer_id, account_id, call_id, phone, channel, category, sub_category, notes,
                                  agent_id, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, now()))
            returning id""";
    // a contact logged after its call's outcome was recorded takes it too (ADR 0036)
    private static final String CONTACT_DISPOSITION = """
            update contacts k set disposition = d.code from call_dispositions d
            where k.id = ? and d.call_id = k.call_id and d.agent_id = k.agent_id""";

    private static final String STANDING = """
            select ac.account_no, ac.customer_id, ac.premises_id, coalesce(sum(ar.amount), 0) as owed,
                   min(ar.due_date) as due_date, coalesce(max(ar.days_overdue), 0) as days_overdue,
                   ac.closed_at is not null as closed
            from accounts ac left join arrears ar on ar.account_id = ac.id""";
    private static final org.springframework.jdbc.core.RowMapper<AccountStanding> STANDING_ROW = (rs, i) ->
            new AccountStanding(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                    rs.getObject(5, java.time.LocalDate.class), rs.getInt(6), rs.getBoolean(7));

    private final JdbcTemplate jdbc;
    private final PhoneNumbers phoneNumbers;

    /** Reads and writes through the given pool; {@code phoneNumbers} normalizes numbers typed into a search. */
    public CustomerDirectory(DataSource dataSource, PhoneNumbers phoneNumbers) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
    }

    /**
     * All customers that have this number (a pick list when several, customers holding it as their primary number
     * first), each card complete; empty for a number that cannot be looked up (withheld, invalid).
     */
    public List<CustomerCard> findByPhone(PhoneNumber number, int limit) {
        Objects.requireNonNull(number, "number");
        checkLimit(limit);
        if (!number.lookupable() || number.normalized().isEmpty()) {
            return List.of();
        }
        return jdbc.execute((ConnectionCallback<List<CustomerCard>>) c -> CardLoader.load(c, CARDS_BY_PHONE,
                (ps, i) -> {
                    ps.setString(i, number.normalized());
                    ps.setInt(i + 1, limit);
                    return i + 2;
                }));
    }

    /** The customer holding this account (户号), as keyed into the IVR or typed by an agent. */
    public Optional<CustomerCard> findByAccountNo(String accountNo) {
        if (accountNo == null || accountNo.isBlank()) {
            return Optional.empty();
        }
        String trimmed = accountNo.trim();
        return jdbc.execute((ConnectionCallback<Optional<CustomerCard>>) c -> CardLoader.load(c, CARDS_BY_ACCOUNT,
                (ps, i) -> {
                    ps.setString(i, trimmed);
                    return i + 1;
                }).stream().findFirst());
    }

    /** The account keyed into the IVR, open or closed, with what it owes; empty when there is no such account. */
    public Optional<AccountStanding> account(String accountNo) {
        if (accountNo == null || accountNo.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query(STANDING + " where ac.account_no = ? group by ac.id", STANDING_ROW, accountNo.strip())
                .stream().findFirst();
    }

    /**
     * The open accounts of the customers holding this number, by customer then account, at most {@code limit}: the
     * IVR's "who is calling" without loading whole cards.
     */
    public List<AccountStanding> accountsByPhone(PhoneNumber number, int limit) {
        checkLimit(limit);
        if (!number.lookupable()) {
            return List.of();
        }
        return jdbc.query(STANDING + " " + """
                 where ac.customer_id in (select customer_id from customer_phones where normalized = ?)
                   and ac.closed_at is null
                 group by ac.id order by ac.customer_id, ac.id limit ?""", STANDING_ROW, number.normalized(), limit);
    }

    /**
     * What an agent's search box finds: exact account number, exact customer number and phone number (when the text
     * looks like digits), then customers whose name starts with the text, then (for two characters or more) customers
     * with an address containing the text; duplicates removed, at most {@code limit}.
     */
    public List<CustomerCard> search(String text, int limit) {
        checkLimit(limit);
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return jdbc.execute((ConnectionCallback<List<CustomerCard>>) c -> {
            Set<Long> ids = new LinkedHashSet<>();
            ids.addAll(ids(c, IDS_BY_ACCOUNT_NO, q, null));
            ids.addAll(ids(c, IDS_BY_CUSTOMER_NO, q, null));
            if (PhoneNumbers.looksLikeNumber(q)) {
                PhoneNumber n = phoneNumbers.normalize(q);
                if (n.lookupable()) {
                    ids.addAll(ids(c, IDS_BY_PHONE, n.normalized(), limit));
                }
            }
            if (ids.size() < limit) {
                ids.addAll(ids(c, IDS_BY_NAME_PREFIX, likePrefix(q), limit));
            }
            if (ids.size() < limit && q.length() >= MIN_ADDRESS_TEXT) {
                ids.addAll(idsByAddress(c, likeInfix(q), limit));
            }
            List<Long> first = new ArrayList<>(ids).subList(0, Math.min(limit, ids.size()));
            return CardLoader.load(c, first);
        });
    }

    /** The customer with this customer number (客户编号), card complete. */
    public Optional<CustomerCard> findByCustomerNo(String customerNo) {
        if (customerNo == null || customerNo.isBlank()) {
            return Optional.empty();
        }
        String trimmed = customerNo.strip();
        return jdbc.execute((ConnectionCallback<Optional<CustomerCard>>) c -> CardLoader.load(c,
                CardLoader.sql(IDS_BY_CUSTOMER_NO), (ps, i) -> {
                    ps.setString(i, trimmed);
                    return i + 1;
                }).stream().findFirst());
    }

    /**
     * A page of a customer's contact history older than {@code before}, newest first: the card shows the last
     * {@link CardLoader#RECENT_CONTACTS}, this loads the ones before (pass the {@code at} of the oldest shown).
     */
    public List<CustomerCard.ContactSummary> contactHistory(long customerId, java.time.Instant before, int limit) {
        checkLimit(limit);
        Objects.requireNonNull(before, "before");
        return jdbc.query(CONTACT_HISTORY, (rs, i) -> new CustomerCard.ContactSummary(
                rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                CardLoader.summary(rs.getString(4), rs.getString(5)), rs.getString(6),
                rs.getObject(7, Integer.class)),
                customerId, Timestamp.from(before), limit);
    }

    /** Adds a contact to the history; returns its id. Unknown account or agent names are rejected. */
    public long recordContact(NewContact contact) {
        Objects.requireNonNull(contact, "contact");
        Long id = jdbc.execute((ConnectionCallback<Long>) c -> insertContact(c, contact));
        return Objects.requireNonNull(id);
    }

    private static long insertContact(Connection c, NewContact k) throws SQLException {
        Long customerId = k.customerId();
        Long accountId = null;
        if (k.accountNo() != null && !k.accountNo().isBlank()) {
            long[] found = accountAndCustomer(c, k.accountNo().trim());
            if (found == null) {
                throw new IllegalArgumentException("accountNo: '" + k.accountNo() + "' (expected: an existing account)");
            }
            if (customerId != null && customerId != found[1]) {
                throw new IllegalArgumentException("accountNo: '" + k.accountNo() + "' (expected: an account of customer "
                        + customerId + ")");
            }
            accountId = found[0];
            customerId = found[1];
        }
        Long agentId = null;
        if (k.agentUsername() != null && !k.agentUsername().isBlank()) {
            List<Long> agent = ids(c, "select id from users where username = ?", k.agentUsername().trim(), null);
            if (agent.isEmpty()) {
                throw new IllegalArgumentException("agentUsername: '" + k.agentUsername() + "' (expected: a user)");
            }
            agentId = agent.get(0);
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_CONTACT)) {
            setLong(ps, 1, customerId);
            setLong(ps, 2, accountId);
            ps.setString(3, k.callId());
            ps.setString(4, k.phone());
            ps.setString(5, k.channel().code());
            ps.setString(6, k.category().code());
            ps.setString(7, k.subCategory());
            ps.setString(8, k.notes());
            setLong(ps, 9, agentId);
            ps.setTimestamp(10, k.at() == null ? null : Timestamp.from(k.at()));
            long id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            if (k.callId() != null && agentId != null) {
                try (PreparedStatement d = c.prepareStatement(CONTACT_DISPOSITION)) {
                    d.setLong(1, id);
                    d.executeUpdate();
                }
            }
            return id;
        }
    }

    private static long[] accountAndCustomer(Connection c, String accountNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, customer_id from accounts where account_no = ?")) {
            ps.setString(1, accountNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        }
    }

    private static List<Long> ids(Connection c, String sql, String value, Integer limit) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            if (limit != null) {
                ps.setInt(2, limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static List<Long> idsByAddress(Connection c, String pattern, int limit) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(IDS_BY_ADDRESS)) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, pattern);
            }
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static String likePrefix(String text) {
        return escapeLike(text) + "%";
    }

    private static String likeInfix(String text) {
        return "%" + escapeLike(text) + "%";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
        }
    }
}
