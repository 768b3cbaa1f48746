package dev.planetary.command.target;

import dev.planetary.kernel.change.SqlError;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Keeps everything PostgreSQL said about a failure: SQLSTATE, message, detail, hint, position. */
public final class SqlErrors {

    private SqlErrors() {
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
