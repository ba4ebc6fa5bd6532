package org.hotline.cti.demo.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a bulk COPY fast inside one transaction: locks the tables, drops their foreign keys, unique constraints and
 * secondary indexes, and after the load re-creates them from their saved definitions, so PostgreSQL checks and sorts
 * once instead of once per row; a violation then fails the re-creation and rolls the whole load back. Primary keys
 * stay in place (other tables' foreign keys depend on them).
 */
public final class BulkLoad {

    private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);

    private final List<String> restore = new ArrayList<>();

    private BulkLoad() {
    }

    /**
     * Truncates the tables when they and every table referring to them are empty: a relation truncated in the load's
     * own transaction gets a new file, so under {@code wal_level=minimal} (the embedded demo database) PostgreSQL
     * writes no WAL for the COPY and index builds and syncs the files at commit instead. Never touches rows.
     */
    public static void truncateIfEmpty(Connection c, List<String> tables) throws SQLException {
        List<String> all = new ArrayList<>(tables);
        // referring tables of referring tables too (work_orders ← revisits ← attempts): truncate needs them all
        for (int known = 0; known < all.size(); ) {
            known = all.size();
            try (PreparedStatement ps = c.prepareStatement("""
                    select distinct k.conrelid::regclass::text from pg_constraint k
                    where k.contype = 'f' and k.confrelid::regclass::text = any(?)""")) {
                ps.setArray(1, c.createArrayOf("text", all.toArray(String[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!all.contains(rs.getString(1))) {
                            all.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String t : all) {
                try (ResultSet rs = s.executeQuery("select exists (select 1 from " + t + ")")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
            }
            s.execute("truncate " + String.join(", ", all));
        }
        log.debug("bulk load: truncated {} empty tables", all.size());
    }

    /** Locks the tables and drops what slows loading; call {@link #finish} before committing. */
    public static BulkLoad start(Connection c, List<String> tables) throws SQLException {
        BulkLoad load = new BulkLoad();
        String[] names = tables.toArray(String[]::new);
        try (Statement s = c.createStatement()) {
            s.execute("lock table " + String.join(", ", tables) + " in exclusive mode");
            s.execute("set local maintenance_work_mem = '256MB'");
        }
        List<String> drops = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select k.conrelid::regclass::text, quote_ident(k.conname), pg_get_constraintdef(k.oid), k.contype
                from pg_constraint k
                where k.conrelid::regclass::text = any(?)
                  and (k.contype = 'f' or k.contype = 'u' and not exists (
                          select 1 from pg_constraint f where f.contype = 'f' and f.conindid = k.conindid))
                order by k.contype desc, k.conrelid::regclass::text, k.conname""")) {
            ps.setArray(1, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
                    load.restore.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " "
                            + rs.getString(3));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                where i.indrelid::regclass::text = any(?) and not i.indisprimary
                  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)""")) {
            ps.setArray(1, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add("drop index " + rs.getString(1));
                    load.restore.add(0, rs.getString(2)); // indexes first: the foreign-key checks then use them
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : drops) {
                s.execute(sql);
            }
        }
        log.debug("bulk load: dropped {} constraints and indexes", drops.size());
        return load;
    }

    /** Re-creates the dropped indexes and foreign keys (validating every row once). */
    public void finish(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : restore) {
                s.execute(sql);
            }
        }
    }

    /** Moves each table's identity sequence past the ids written explicitly. */
    public static void advanceSequences(Connection c, List<String> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String t : tables) {
                s.execute("select setval(pg_get_serial_sequence('" + t + "', 'id'), greatest(1, (select max(id) from "
                        + t + ")), (select max(id) from " + t + ") is not null)");
            }
        }
    }
}
