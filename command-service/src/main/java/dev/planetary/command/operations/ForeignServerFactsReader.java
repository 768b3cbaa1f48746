package dev.planetary.command.operations;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.replication.FindForeignServerFactsQuery;
import dev.planetary.kernel.replication.ForeignServerFacts;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a foreign server for its drop, with the executor's login: PostgreSQL shows a user mapping's options only to
 * the server's owner and the mapped role, and the executor is the one that will drop (and could create again) the
 * server. Whether a mapping holds a password is decided in SQL; the password is never read out. Read-only, in a
 * transaction rolled back, with short timeouts.
 */
@Component
public class ForeignServerFactsReader {

    private static final String SERVER = """
            SELECT w.fdwname, COALESCE(s.srvoptions, '{}') AS options,
                   (SELECT count(*) FROM pg_catalog.pg_foreign_table t WHERE t.ftserver = s.oid) AS foreign_tables
            FROM pg_catalog.pg_foreign_server s JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
            WHERE s.srvname = ?""";
    /** A mapping comes back as it was only when its options are visible and hold nothing but the remote user. */
    private static final String MAPPINGS = """
            SELECT um.usename, (SELECT substr(o, 6) FROM unnest(um.umoptions) AS o WHERE o LIKE 'user=%' LIMIT 1) AS remote_user,
                   um.umoptions IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(um.umoptions) AS o WHERE o NOT LIKE 'user=%') AS restorable
            FROM pg_catalog.pg_user_mappings um WHERE um.srvname = ? ORDER BY um.usename""";

    private final DdlTargets targets;

    public ForeignServerFactsReader(DdlTargets targets) {
        this.targets = targets;
    }

    @QueryHandler
    public ForeignServerFacts handle(FindForeignServerFactsQuery query) {
        try (Connection connection = targets.get(query.target()).database().connection()) {
            try {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET LOCAL statement_timeout = 5000; SET LOCAL lock_timeout = 100");
                }
                return read(connection, query.server());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("foreign server facts", SERVER, e);
        }
    }

    private static ForeignServerFacts read(Connection connection, String server) throws SQLException {
        String wrapper;
        List<String> options;
        int foreignTables;
        try (PreparedStatement find = connection.prepareStatement(SERVER)) {
            find.setString(1, server);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return ForeignServerFacts.NONE;
                }
                wrapper = row.getString("fdwname");
                options = Arrays.stream((Object[]) row.getArray("options").getArray()).map(String::valueOf).toList();
                foreignTables = row.getInt("foreign_tables");
            }
        }
        List<ForeignServerFacts.Mapping> mappings = new ArrayList<>();
        boolean restorable = true;
        try (PreparedStatement find = connection.prepareStatement(MAPPINGS)) {
            find.setString(1, server);
            try (ResultSet row = find.executeQuery()) {
                while (row.next()) {
                    mappings.add(new ForeignServerFacts.Mapping(row.getString("usename"), row.getString("remote_user")));
                    restorable &= row.getBoolean("restorable");
                }
            }
        }
        return new ForeignServerFacts(true, wrapper, options, mappings, restorable, foreignTables);
    }
}
