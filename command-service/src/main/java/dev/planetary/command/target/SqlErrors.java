package dev.planetary.command.target;

import dev.planetary.kernel.change.SqlError;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Keeps everything PostgreSQL said about a failure: SQLSTATE, message, detail, hint, position. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * An error that says nothing about the statements, only that another session touched the same
     * thing at the same moment: a catalog row updated concurrently (two GRANTs on one table take no
     * lock that would order them), a deadlock, a serialization failure. Running again may succeed.
     */
    public static boolean transientConflict(SqlError error) {
        if (error == null || error.sqlState() == null) {
            return false;
        }
        return error.sqlState().equals("40001") || error.sqlState().equals("40P01")
                || error.sqlState().equals("XX000") && error.message() != null
                && error.message().matches("tuple concurrently (updated|deleted)");
    }

    public static SqlError from(SQLException e, int statementIndex) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return new SqlError(server.getSQLState(), server.getMessage(), server.getDetail(), server.getHint(),
                    server.getPosition(), statementIndex);
        }
        return new SqlError(e.getSQLState() == null ? "08000" : e.getSQLState(), e.getMessage(), null, null, 0, statementIndex);
    }
}
