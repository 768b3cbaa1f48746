package dev.planetary.ui.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Holds the executor's advisory lock on a target (PlanRunner.APPLY_LOCK_KEY) from a session of the
 * test's own: every apply on that target waits at its first statement until it is let go, which is
 * where a fault test makes something fail under it.
 */
public final class ExecutorLock implements AutoCloseable {

    private static final long APPLY_LOCK_KEY = 0x706c616e65746172L;

    private final Connection session;

    private ExecutorLock(Connection session) {
        this.session = session;
    }

    /** Takes the lock on {@code session} (a superuser's, in autocommit), which it then owns. */
    public static ExecutorLock hold(Connection session) throws SQLException {
        session.setAutoCommit(true);
        execute(session, "SELECT pg_advisory_lock(" + APPLY_LOCK_KEY + ")");
        return new ExecutorLock(session);
    }

    /** How many applies wait for the lock now. */
    public int waitingApplies() throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity"
                + " WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'");
    }

    /** Ends the sessions of the applies waiting for the lock (as a failover would); how many. */
    public int terminateWaitingApplies() throws SQLException {
        return count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'");
    }

    /** Lets the waiting applies go on. */
    public void release() throws SQLException {
        execute(session, "SELECT pg_advisory_unlock(" + APPLY_LOCK_KEY + ")");
    }

    /** Closes the session (the lock goes with it); quietly when its server ended it already. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (SQLException alreadyGone) {
            // the server ended the session when it stopped
        }
    }

    private int count(String sql) throws SQLException {
        try (Statement statement = session.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
