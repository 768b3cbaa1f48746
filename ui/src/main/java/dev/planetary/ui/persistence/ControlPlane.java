package dev.planetary.ui.persistence;

import dev.planetary.kernel.change.SqlError;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;

/**
 * Whether Planetary's own database (the event store, the read models) answers. A request that failed
 * for want of a connection is answered "Planetary's database cannot be reached" only when this says so,
 * and "the target cannot be reached" otherwise: both fail the same way in JDBC. Asked with a connection
 * of its own (not the pool, which waits up to its timeout).
 */
@Component
public class ControlPlane {

    private static final long RECHECK_NANOS = 2_000_000_000L;

    private final DataSourceProperties dataSource;
    private volatile boolean reachable = true;
    private volatile long checkedAt;

    public ControlPlane(DataSourceProperties dataSource) {
        this.dataSource = dataSource;
    }

    /** A failure that says a database could not be reached or went away, not what the request asked. */
    public static boolean connectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && SqlError.serverUnreachable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether Planetary's database answers now. Asked after a failure, so it is asked again each time,
     * except that a "down" is remembered for two seconds (many requests fail at once during an outage).
     */
    public boolean reachable() {
        long now = System.nanoTime();
        if (!reachable && now - checkedAt < RECHECK_NANOS) {
            return false;
        }
        reachable = probe();
        checkedAt = now;
        return reachable;
    }

    /** The failure happened because Planetary's own database cannot be reached. */
    public boolean isDown(Throwable failure) {
        return connectionFailure(failure) && !reachable();
    }

    private boolean probe() {
        Properties login = new Properties();
        login.setProperty("user", dataSource.determineUsername());
        if (dataSource.determinePassword() != null) {
            login.setProperty("password", dataSource.determinePassword());
        }
        login.setProperty("connectTimeout", "2");
        login.setProperty("socketTimeout", "2");
        try (Connection connection = DriverManager.getConnection(dataSource.determineUrl(), login)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
