package dev.planetary.ui.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletionException;

/** Real sessions of the target, for tests of what the health page shows about them (locks, cancels). */
public final class Sessions {

    private Sessions() {
    }

    public static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Runs a statement, for use in a background task: a failure (a cancel, a lock timeout) surfaces as a CompletionException. */
    public static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new CompletionException(e.getMessage(), e);
        }
    }
}
