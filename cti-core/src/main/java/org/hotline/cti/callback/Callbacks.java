package org.hotline.cti.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The callbacks table: abandoned calls recorded once per call, callbacks agents schedule, and taking one with a
 * single conditional UPDATE so that of two agents clicking at once exactly one gets it. Thread-safe.
 */
public final class Callbacks {

    /** The most callbacks one list returns. */
    public static final int MAX_LIMIT = 500;

    private static final String SELECT = """
            select b.id, b.kind, b.number, b.customer_id, c.customer_no, c.name, b.queue, b.waited_seconds, b.due_at,
                   cu.username, au.username, b.status, tu.username, b.taken_at, b.done_at, b.note, b.call_id,
                   b.created_at, b.queued_at
            from callbacks b
            left join customers c on c.id = b.customer_id
            left join users cu on cu.id = b.created_by
            left join users au on au.id = b.assigned_to
            left join users tu on tu.id = b.taken_by
            """;

    // the customer is the one the screen-pop would show first for this number
    private static final String INSERT_ABANDONED = """
            insert into callbacks (kind, number, customer_id, queue, waited_seconds, due_at, call_id, created_at,
                                   updated_at)
            values ('abandoned', ?, (select customer_id from customer_phones where normalized = ?
                                     order by is_primary desc, customer_id limit 1), ?, ?, ?, ?, ?, ?)
            on conflict (call_id) do nothing""";

    private static final String CLOSE_ANSWERED = """
            update callbacks set status = 'done', done_at = ?, updated_at = now(),
                   note = concat_ws(' · ', note, 'answered on call ' || ?)
            where number = ? and status = 'open' and kind in ('abandoned', 'requested') and created_at <= ?""";

    // a caller's place is kept: the earliest known queue entry wins, and an abandoned row the recorder wrote for the
    // same call (the caller left the queue by its exit key) becomes the requested one
    private static final String INSERT_REQUESTED = """
            insert into callbacks (kind, number, customer_id, queue, waited_seconds, due_at, call_id, queued_at,
                                   created_at, updated_at)
            values ('requested', ?, (select customer_id from customer_phones where normalized = ?
                                     order by is_primary desc, customer_id limit 1), ?, ?, ?, ?, ?, ?, ?)
            on conflict (call_id) do update set kind = 'requested', queue = excluded.queue,
                   queued_at = least(excluded.queued_at, callbacks.queued_at),
                   waited_seconds = excluded.waited_seconds, updated_at = excluded.updated_at
            where callbacks.kind = 'abandoned' and callbacks.status = 'open'""";

    private static final String TAKE = """
            update callbacks set status = 'taken', taken_by = u.id, taken_at = now(), updated_at = now()
            from users u
            where u.username = ? and callbacks.id = ? and callbacks.status = 'open'
              and (callbacks.assigned_to is null or callbacks.assigned_to = u.id)""";

    private static final RowMapper<Callback> ROW = Callbacks::read;
    // who supervises callback b: supervisors and administrators all, a team lead those of the own queues
    private static final String QUEUE_SUPERVISOR = "(u.role in ('SUPERVISOR', 'ADMIN') or u.role = 'TEAM_LEAD'"
            + " and b.queue in (select q.name from queue_members m join queues q on q.id = m.queue_id"
            + " where m.user_id = u.id))";

    private final JdbcTemplate jdbc;

    /** Reads and writes through the given pool. */
    public Callbacks(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Records an abandoned call unless its call id is already recorded; true when this call added the row. */
    public boolean recordAbandoned(AbandonedCall call) {
        Timestamp at = Timestamp.from(call.at());
        return jdbc.update(INSERT_ABANDONED, call.number(), call.number(), call.queue(),
                (int) Math.min(Integer.MAX_VALUE, call.waited().toSeconds()), at, call.callId(), at, at) == 1;
    }

    /**
     * Books the callback a caller asked for from the IVR, keeping their place ({@link RequestedCallback#queuedAt});
     * true when this request added it, false when the call already has one (a caller pressing twice books one).
     */
    public boolean recordRequested(RequestedCallback r) {
        Timestamp at = Timestamp.from(r.at());
        return jdbc.update(INSERT_REQUESTED, r.number(), r.number(), r.queue(),
                (int) Math.min(Integer.MAX_VALUE, r.waited().toSeconds()), at, r.callId(),
                Timestamp.from(r.queuedAt()), at, at) == 1;
    }

    /**
     * The open callbacks callers booked from the IVR, oldest place first (at most {@code limit}): the callers who
     * left the queue but keep their place in it, for the waiting callers list.
     */
    public List<RequestedCallback> requestedOpen(int limit) {
        return jdbc.query("""
                select call_id, number, queue, queued_at, created_at from callbacks
                where kind = 'requested' and status = 'open' and call_id is not null
                order by queued_at, id limit ?""", (rs, n) -> new RequestedCallback(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()),
                Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    /**
     * The caller rang again and an agent answered: their open abandoned and requested callbacks recorded up to then are done (a
     * callback already taken is left to the agent who has it). Returns how many were closed.
     */
    public int closeAbandonedAnswered(String number, String callId, Instant at) {
        Timestamp ts = Timestamp.from(at);
        return jdbc.update(CLOSE_ANSWERED, ts, callId, number, ts);
    }

    /** Schedules a callback; returns it. Unknown assignee or creator usernames are rejected. */
    public Callback schedule(NewCallback c) {
        Long creator = userId(c.createdBy());
        Long assignee = c.assignee() == null || c.assignee().isBlank() ? null : userId(c.assignee().trim());
        try {
            Long id = jdbc.queryForObject("""
                    insert into callbacks (kind, number, customer_id, due_at, created_by, assigned_to, note)
                    values ('scheduled', ?, coalesce(?, (select customer_id from customer_phones where normalized = ?
                                                         order by is_primary desc, customer_id limit 1)), ?, ?, ?, ?)
                    returning id""", Long.class, c.number(), c.customerId(), c.number(), Timestamp.from(c.dueAt()),
                    creator, assignee, blankToNull(c.note()));
            return find(Objects.requireNonNull(id)).orElseThrow();
        } catch (DataIntegrityViolationException e) {
            throw new IllegalArgumentException("customerId: " + c.customerId() + " (expected: an existing customer)", e);
        }
    }

    /** One callback. */
    public Optional<Callback> find(long id) {
        return jdbc.query(SELECT + " where b.id = ?", ROW, id).stream().findFirst();
    }

    /**
     * What this agent's list shows: requested callbacks first, by the caller's place in the queue (oldest first),
     * then the others oldest due first; open callbacks that are due and not assigned to someone else, and the ones
     * this agent has taken and not finished.
     */
    public List<Callback> openFor(String username, Instant now, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
        }
        return jdbc.query(SELECT + """
                 where b.status in ('open', 'taken') and b.due_at <= ?
                   and (b.status = 'open' and (au.username is null or au.username = ?)
                        or b.status = 'taken' and tu.username = ?)
                 order by (b.kind = 'requested') desc, b.queued_at nulls last, b.due_at, b.id limit ?""", ROW, Timestamp.from(now), username, username, limit);
    }

    /**
     * Takes an open callback for this agent, atomically.
     *
     * @throws CallbackConflictException when another agent took it first or it is finished or assigned elsewhere
     * @throws NoSuchElementException when there is no such callback
     */
    public Callback take(long id, String username) {
        if (jdbc.update(TAKE, username, id) == 1) {
            return find(id).orElseThrow();
        }
        Callback now = find(id).orElseThrow(() -> new NoSuchElementException("callback " + id + " not found"));
        if (now.status() == Callback.Status.TAKEN) {
            throw new CallbackConflictException("callback " + id + " was already taken by " + now.takenBy());
        }
        if (now.status() != Callback.Status.OPEN) {
            throw new CallbackConflictException("callback " + id + " is already " + now.status().code());
        }
        throw new CallbackConflictException("callback " + id + " is assigned to " + now.assignedTo());
    }

    /**
     * Marks the callback done (it must be taken by this agent) or cancelled by whoever holds it: the agent who took
     * it, or, while open, the agent it is assigned to or who scheduled it unassigned; supervisors and administrators
     * may cancel any open or taken one, a team lead those of the own queues. A note is added to the callback's notes, never replacing them.
     *
     * @throws CallbackConflictException when the callback is not in a state this agent can finish
     */
    public Callback finish(long id, String username, Callback.Status outcome, String note) {
        if (outcome != Callback.Status.DONE && outcome != Callback.Status.CANCELLED) {
            throw new IllegalArgumentException("outcome: " + outcome + " (expected: DONE or CANCELLED)");
        }
        if (note != null && note.length() > NewCallback.MAX_NOTE) {
            throw new IllegalArgumentException("note: " + note.length() + " characters (expected: <= "
                    + NewCallback.MAX_NOTE + ")");
        }
        // the rule is checked in the update itself, on the user's role as stored: no request can widen it
        String allowed = outcome == Callback.Status.DONE ? "b.status = 'taken' and b.taken_by = u.id"
                : "(b.status = 'taken' and (b.taken_by = u.id or " + QUEUE_SUPERVISOR + ")"
                + " or b.status = 'open' and (" + QUEUE_SUPERVISOR + " or b.assigned_to = u.id"
                + " or b.assigned_to is null and b.created_by = u.id))";
        int n = jdbc.update("update callbacks b set status = ?, done_at = now(), updated_at = now(),"
                + " note = nullif(concat_ws(' · ', b.note, ?::text), '')"
                + " from users u where u.username = ? and b.id = ? and " + allowed,
                outcome.code(), blankToNull(note), username, id);
        Callback now = find(id).orElseThrow(() -> new NoSuchElementException("callback " + id + " not found"));
        if (n != 1) {
            throw new CallbackConflictException("callback " + id + " is " + now.status().code()
                    + (now.takenBy() == null ? "" : " by " + now.takenBy()) + ": it cannot be marked "
                    + outcome.code() + " by " + username);
        }
        return now;
    }

    private Long userId(String username) {
        return jdbc.query("select id from users where username = ?", (rs, i) -> rs.getLong(1), username).stream()
                .findFirst().orElseThrow(() -> new IllegalArgumentException("user: '" + username
                        + "' (expected: an existing username)"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Callback read(ResultSet rs, int row) throws SQLException {
        long customerId = rs.getLong(4);
        Long customer = rs.wasNull() ? null : customerId;
        int waited = rs.getInt(8);
        Integer waitedSeconds = rs.wasNull() ? null : waited;
        return new Callback(rs.getLong(1), Callback.Kind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                rs.getString(3), customer, rs.getString(5), rs.getString(6), rs.getString(7), waitedSeconds,
                instant(rs, 9), rs.getString(10), rs.getString(11), Callback.Status.of(rs.getString(12)),
                rs.getString(13), instant(rs, 14), instant(rs, 15), rs.getString(16), rs.getString(17),
                instant(rs, 18), instant(rs, 19));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
