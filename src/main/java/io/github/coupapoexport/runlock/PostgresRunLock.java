package io.github.coupapoexport.runlock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lock of a PostgreSQL job repository: a session advisory lock keyed by the repository's schema. It covers
 * several hosts sharing one database, and PostgreSQL frees it when the holder's connection dies.
 * <p>
 * The session can also end while this process lives on (an idle-session timeout, {@code pg_terminate_backend}, a
 * failover), and then a second run can take the lock: {@link #checkStillHeld} asks the very session that took it.
 */
class PostgresRunLock implements RunLock {

    private static final Logger log = LoggerFactory.getLogger(PostgresRunLock.class);

    private static final String KEY = "hashtext('coupa-po-export:' || current_schema())";

    /** A bigint advisory key is split into classid (high half) and objid (low half) in pg_locks, objsubid 1. */
    private static final String HELD = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
            + "AND pid = pg_backend_pid() AND granted AND objsubid = 1 "
            + "AND ((classid::bigint << 32) | objid::bigint) = (" + KEY + ")::bigint)";

    /** How long a check may wait for the database: a server gone in a failover must not hang the run. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

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
                    connection.setNetworkTimeout(Runnable::run, (int) CHECK_TIMEOUT.toMillis());
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
    public synchronized void checkStillHeld() {
        if (connection == null) {
            throw new RunLockLostException(describe(), "this process does not hold it");
        }
        boolean held;
        try (PreparedStatement check = connection.prepareStatement(HELD); ResultSet result = check.executeQuery()) {
            result.next();
            held = result.getBoolean(1);
        }
        catch (SQLException ex) {
            throw new RunLockLostException(describe(), "the session that holds it is gone (" + ex.getMessage() + ")", ex);
        }
        if (!held) {
            throw new RunLockLostException(describe(), "the session that took it no longer holds it");
        }
    }

    @Override
    public synchronized void release() {
        if (connection == null) {
            return;
        }
        // The connection goes back to the pool and lives on, so the session lock must be let go explicitly.
        try (Connection held = connection;
                PreparedStatement unlock = held.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")");
                ResultSet result = unlock.executeQuery()) {
            result.next();
            if (!result.getBoolean(1)) {
                log.error("The run lock was not held at the end of the run ({}): PostgreSQL had already let it go, "
                        + "so another run may have exported at the same time", describe());
            }
        }
        catch (SQLException ex) {
            log.error("The run lock was not held at the end of the run ({}): its session is gone ({}), so another run "
                    + "may have exported at the same time", describe(), ex.getMessage());
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
