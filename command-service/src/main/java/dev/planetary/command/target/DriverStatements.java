package dev.planetary.command.target;

import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

import java.sql.SQLException;
import java.util.List;

/**
 * What pgjdbc will send for a statement. The driver splits SQL at the semicolons it finds outside
 * quotes by its own lexer, which is not PostgreSQL's (it reads a continued {@code E''} literal, for
 * one, as a new plain literal). Each plan statement must reach the server as one Parse message
 * holding exactly the text reviewers read: then the server itself refuses a second statement in
 * it ("cannot insert multiple commands into a prepared statement"), whatever either lexer thought.
 */
public final class DriverStatements {

    private DriverStatements() {
    }

    /** True when pgjdbc sends {@code sql} unchanged as one statement (no escapes, no parameters, no split). */
    public static boolean sentAsOne(String sql) {
        try {
            List<NativeQuery> queries = Parser.parseJdbcSql(sql, true, false, true, false, false);
            return queries.size() == 1 && queries.get(0).nativeSql.equals(sql);
        } catch (SQLException e) {
            return false;
        }
    }
}
