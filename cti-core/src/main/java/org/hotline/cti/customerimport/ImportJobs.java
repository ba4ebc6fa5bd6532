package org.hotline.cti.customerimport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The import_jobs table: a row per import, updated after each committed batch, read by whoever polls it. */
public final class ImportJobs {

    private static final RowMapper<ImportJob> ROW = (rs, n) -> new ImportJob(rs.getLong("id"),
            rs.getBoolean("dry_run"), rs.getString("status"), rs.getString("file_name"), rs.getString("started_by"),
            (Long) rs.getObject("bytes_total"),
            new ImportProgress(rs.getLong("rows_read"), rs.getLong("rows_imported"), rs.getLong("rows_failed"),
                    rs.getLong("bytes_read"), rs.getLong("last_line")),
            (Long) rs.getObject("resumed_from"), rs.getString("error"), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("finished_at")));

    // the advisory lock's key: one customer import at a time, on every node
    private static final long IMPORT_LOCK = 0x494d504f5254L;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    /** Jobs in {@code dataSource}. */
    public ImportJobs(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Takes the one-import-at-a-time lock, or empty when another import (on any node) holds it. It is a PostgreSQL
     * session lock on a connection of its own: a node that dies mid-import releases it with its connection.
     */
    public Optional<ImportLock> lockImports() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, IMPORT_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        c.close();
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new ImportLock(c, IMPORT_LOCK));
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the connection is broken already; the lock, if taken, went with it
                }
            }
            throw new IllegalStateException("import lock: " + e.getMessage(), e);
        }
    }

    /** The imports (not dry runs) still running, newest first: whom a refused import is told about. */
    public List<ImportJob> running() {
        return jdbc.query("select * from import_jobs where status = 'running' and not dry_run "
                + "order by started_at desc, id desc limit 5", ROW);
    }

    /** Records a started import and returns its id. */
    public long start(boolean dryRun, String fileName, String startedBy, Long bytesTotal, Long resumedFrom) {
        return jdbc.queryForObject("""
                insert into import_jobs (dry_run, file_name, started_by, bytes_total, resumed_from)
                values (?, ?, ?, ?, ?) returning id""", Long.class, dryRun, fileName, startedBy, bytesTotal,
                resumedFrom);
    }

    /** Records progress (its own short transaction: pollers see it at once). */
    public void progress(long id, ImportProgress p) {
        jdbc.update("""
                update import_jobs set rows_read = ?, rows_imported = ?, rows_failed = ?, bytes_read = ?,
                    last_line = ?, updated_at = now() where id = ?""",
                p.rowsRead(), p.rowsImported(), p.rowsFailed(), p.bytesRead(), p.lastCommittedLine(), id);
    }

    /** Records the end of an import: done with its final counts, or failed with a reason. */
    public void finish(long id, ImportProgress p, String error) {
        progress(id, p);
        jdbc.update("update import_jobs set status = ?, error = ?, finished_at = now(), updated_at = now() where id = ?",
                error == null ? "done" : "failed", error, id);
    }

    /** The job with this id. */
    public Optional<ImportJob> find(long id) {
        List<ImportJob> jobs = jdbc.query("select * from import_jobs where id = ?", ROW, id);
        return jobs.stream().findFirst();
    }

    /** The latest {@code limit} jobs, newest first. */
    public List<ImportJob> latest(int limit) {
        return jdbc.query("select * from import_jobs order by started_at desc, id desc limit ?", ROW, limit);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
