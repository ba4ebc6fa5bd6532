package org.hotline.cti.customerimport.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import org.postgresql.PGConnection;

/**
 * Writes a batch of valid rows: COPY into a temporary staging table, then set-based upserts keyed by customer_no,
 * account_no, meter_no, (customer, number) and (account, period), each of which skips rows already equal, so
 * importing the same file twice changes nothing. One transaction per batch (the caller commits).
 */
public final class BatchWriter {

    private static final String STAGING = """
            create temporary table if not exists import_rows (
                line bigint, customer_no text, name text, kind text, address text, account_no text,
                p1_raw text, p1_norm text, p1_kind text, p2_raw text, p2_norm text, p2_kind text,
                area_id bigint, billing_cycle text, meter_no text, meter_kind text, ic_card boolean,
                period text, amount numeric(12,2), due_date date) on commit delete rows""";

    private static final String[] UPSERTS = {
        // customers: a new one is inserted with its mailing address (that of its first row); a known one gets the
        // name and kind of its last row when they differ; equal ones are not touched
        """
        with first_rows as (
            select distinct on (customer_no) customer_no, name, kind, address from import_rows
            order by customer_no, line),
        last_rows as (
            select distinct on (customer_no) customer_no, name, kind from import_rows order by customer_no, line desc),
        fresh as (
            select f.*, nextval(pg_get_serial_sequence('addresses', 'id')) as aid from first_rows f
            where not exists (select 1 from customers c where c.customer_no = f.customer_no)),
        a_ins as (insert into addresses (id, full_text) select aid, address from fresh),
        c_ins as (insert into customers (customer_no, name, kind, address_id)
                  select f.customer_no, l.name, l.kind, f.aid from fresh f join last_rows l using (customer_no))
        update customers c set name = l.name, kind = l.kind from last_rows l
        where c.customer_no = l.customer_no and (c.name, c.kind) is distinct from (l.name, l.kind)""",
        // accounts: a new one gets its premises (and their address); a known one follows the file
        """
        with acc as (
            select r.*, cu.id as cid, a.id as acc_id, a.premises_id as pid
            from import_rows r join customers cu using (customer_no) left join accounts a using (account_no)),
        need as (
            select acc.*, nextval(pg_get_serial_sequence('addresses', 'id')) as new_aid,
                   nextval(pg_get_serial_sequence('premises', 'id')) as new_pid
            from acc where acc_id is null),
        a_ins as (insert into addresses (id, full_text) select new_aid, address from need),
        p_ins as (insert into premises (id, address_id, transformer_area_id) select new_pid, new_aid, area_id from need),
        acc_ins as (insert into accounts (account_no, customer_id, premises_id, billing_cycle)
                    select account_no, cid, new_pid, billing_cycle from need),
        p_upd as (update premises p set transformer_area_id = acc.area_id from acc
                  where p.id = acc.pid and p.transformer_area_id is distinct from acc.area_id),
        ad_upd as (update addresses ad set full_text = acc.address from acc join premises p on p.id = acc.pid
                   where ad.id = p.address_id and ad.full_text <> acc.address)
        update accounts a set customer_id = acc.cid, billing_cycle = acc.billing_cycle from acc
        where a.id = acc.acc_id and (a.customer_id, a.billing_cycle) is distinct from (acc.cid, acc.billing_cycle)""",
        """
        insert into meters (meter_no, kind, prepaid_ic_card, premises_id)
        select distinct on (r.meter_no) r.meter_no, r.meter_kind, r.ic_card, a.premises_id
        from import_rows r join accounts a using (account_no) where r.meter_no is not null
        order by r.meter_no, r.line desc
        on conflict (meter_no) do update set kind = excluded.kind, prepaid_ic_card = excluded.prepaid_ic_card,
            premises_id = excluded.premises_id
        where (meters.kind, meters.prepaid_ic_card, meters.premises_id)
              is distinct from (excluded.kind, excluded.prepaid_ic_card, excluded.premises_id)""",
        // phones are added, never removed: a number known for the customer is left as it is
        """
        insert into customer_phones (customer_id, raw, normalized, kind, is_primary)
        select distinct on (cu.id, p.norm) cu.id, p.raw, p.norm, p.kind,
               p.slot = 1 and r.line = min(r.line) over (partition by cu.id)
               and not exists (select 1 from customer_phones q where q.customer_id = cu.id and q.is_primary)
        from import_rows r join customers cu using (customer_no)
        cross join lateral (values (r.p1_raw, r.p1_norm, r.p1_kind, 1), (r.p2_raw, r.p2_norm, r.p2_kind, 2))
            p (raw, norm, kind, slot)
        where p.norm is not null order by cu.id, p.norm, r.line, p.slot
        on conflict do nothing""",
        // a known number that is phone1 of the customer's first row becomes primary when the customer has none
        """
        update customer_phones p set is_primary = true
        from (select distinct on (cu.id) cu.id as cid, r.p1_norm as norm
              from import_rows r join customers cu using (customer_no)
              where r.p1_norm is not null order by cu.id, r.line) f
        where p.customer_id = f.cid and p.normalized = f.norm
          and not exists (select 1 from customer_phones q where q.customer_id = f.cid and q.is_primary)""",
        // the file is the billing system's state: an account's other periods are paid (an empty period: all are)
        """
        delete from arrears ar using import_rows r join accounts a using (account_no)
        where ar.account_id = a.id and ar.billing_period is distinct from r.period""",
        """
        insert into arrears (account_id, billing_period, amount, due_date, days_overdue)
        select a.id, r.period, r.amount, r.due_date, greatest(0, current_date - r.due_date)
        from import_rows r join accounts a using (account_no) where r.period is not null
        on conflict (account_id, billing_period) do update set amount = excluded.amount,
            due_date = excluded.due_date, days_overdue = excluded.days_overdue, imported_at = now()
        where (arrears.amount, arrears.due_date, arrears.days_overdue)
              is distinct from (excluded.amount, excluded.due_date, excluded.days_overdue)""",
    };

    private final StringBuilder text = new StringBuilder(1 << 20);

    /** Writes {@code rows} (at most one per account number) on {@code c}, inside the caller's transaction. */
    public void write(Connection c, Collection<ImportRow> rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(STAGING);
            s.execute("truncate import_rows");
        }
        text.setLength(0);
        for (ImportRow r : rows) {
            append(r.line()).append(r.customerNo()).append(r.name()).append(r.kind()).append(r.address())
                    .append(r.accountNo());
            phone(r.phone1());
            phone(r.phone2());
            append(r.areaId()).append(r.billingCycle()).append(r.meterNo()).append(r.meterKind())
                    .append(r.icCard()).append(r.arrearsPeriod()).append(r.arrearsAmount())
                    .append(r.arrearsDueDate());
            text.setCharAt(text.length() - 1, '\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy import_rows from stdin", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("copy into import_rows failed: " + e.getMessage(), e);
        }
        if (text.capacity() > (4 << 20)) {
            text.setLength(0);
            text.trimToSize(); // one batch of long rows does not keep a large buffer for the rest of the file
        }
        try (Statement s = c.createStatement()) {
            // a temporary table has no statistics until analyzed: without them the joins scan whole tables
            s.execute("analyze import_rows");
            // a batch touches a few thousand of millions of rows: priced for index lookups (on SSDs), the planner
            // stops hashing whole tables for each batch once they are large
            s.execute("set local random_page_cost = 1.1");
            for (String sql : UPSERTS) {
                s.execute(sql);
            }
        }
    }

    private void phone(ImportRow.Phone p) {
        if (p == null) {
            append(null).append(null).append(null);
        } else {
            append(p.raw()).append(p.normalized()).append(p.kind());
        }
    }

    // COPY text format: tab-separated, \N for null; cells hold no control characters (RowValidator), only \ to escape
    private BatchWriter append(Object value) {
        if (value == null) {
            text.append("\\N");
        } else {
            String s = value.toString();
            if (s.indexOf('\\') >= 0) {
                s = s.replace("\\", "\\\\");
            }
            text.append(s);
        }
        text.append('\t');
        return this;
    }
}
