package org.hotline.cti.customerimport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The one-import-at-a-time lock while held: a PostgreSQL session lock on a connection of its own. */
public final class ImportLock implements AutoCloseable {

    private final Connection connection;
    private final long key;

    ImportLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** Releases the lock and its connection; a broken connection has released it already. */
    @Override
    public void close() {
        try (connection; PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        } catch (SQLException e) {
            // the session is gone, and PostgreSQL dropped its locks with it
        }
    }
}
