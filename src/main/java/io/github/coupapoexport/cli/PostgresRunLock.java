package io.github.coupapoexport.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The run lock of a PostgreSQL job repository: a session advisory lock keyed by the repository's schema. It covers
 * several hosts sharing one database, and PostgreSQL frees it when the holder's connection dies.
 */
class PostgresRunLock implements RunLock {

    private static final String KEY = "hashtext('coupa-po-export:' || current_schema())";

    private final DataSource dataSource;

    private Connection connection;

    PostgresRunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized boolean tryAcquire() {
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(" + KEY + ")");
                    ResultSet result = lock.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    return true;
                }
            }
            connection.close();
            connection = null;
            return false;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot take the PostgreSQL advisory lock: " + ex.getMessage(), ex);
        }
    }

    @Override
    public synchronized void release() {
        if (connection == null) {
            return;
        }
        // The connection goes back to the pool and lives on, so the session lock must be let go explicitly.
        try (Connection held = connection;
                PreparedStatement unlock = held.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
            unlock.execute();
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot release the PostgreSQL advisory lock: " + ex.getMessage(), ex);
        }
        finally {
            connection = null;
        }
    }

    @Override
    public String describe() {
        return "PostgreSQL advisory lock " + KEY;
    }
}
