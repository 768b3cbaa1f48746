package dev.planetary.query.health;

import dev.planetary.query.target.MetadataDatabase;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * Runs monitoring queries on a target's metadata connection inside one read-only transaction with
 * short timeouts, always rolled back: a statistics query gives up after a few seconds, and one that
 * would wait for a lock (behind a session holding ACCESS EXCLUSIVE) fails at once instead of hanging
 * the page, the failure PgHero users met (ankane/pghero#444).
 */
public final class MonitoringSession {

    public static final int STATEMENT_TIMEOUT_MILLIS = 5_000;
    public static final int LOCK_TIMEOUT_MILLIS = 100;

    private static final SQLStateSQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private MonitoringSession() {
    }

    public static <T> T read(MetadataDatabase database, Function<JdbcClient, T> reading) {
        return read(database, STATEMENT_TIMEOUT_MILLIS, reading);
    }

    /** With a longer statement timeout, for a measurement someone asked for (it reads a relation's pages). */
    public static <T> T read(MetadataDatabase database, int statementTimeoutMillis, Function<JdbcClient, T> reading) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET LOCAL statement_timeout = " + statementTimeoutMillis
                            + "; SET LOCAL lock_timeout = " + LOCK_TIMEOUT_MILLIS);
                }
                return reading.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // as JdbcClient would: an unreachable server is a DataAccessResourceFailureException, a
            // timeout a QueryTimeoutException, a lock not granted in time a CannotAcquireLockException
            DataAccessException translated = TRANSLATOR.translate("monitoring", null, e);
            throw translated != null ? translated : new UncategorizedSQLException("monitoring", null, e);
        }
    }
}
