package dev.planetary.command.registration;

import dev.planetary.kernel.registration.ConnectionTest.Check;
import dev.planetary.kernel.registration.ConnectionTest.Outcome;
import dev.planetary.kernel.registration.ConnectionTest;
import dev.planetary.kernel.registration.NamedLogins.Login;
import dev.planetary.kernel.registration.NamedLogins;
import dev.planetary.kernel.registration.TargetSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Connects to a target being registered with each of its two logins and checks what Planetary
 * relies on there: both logins connect; the metadata login reads no rows (not a superuser, not in
 * {@code pg_read_all_data}, no SELECT on any table or view outside Planetary's own schema
 * {@code planetary}, whose DDL log the drift watcher reads, and the views of pg_stat_statements, which
 * hold statement statistics the health page reads), so the catalog pages can never show
 * data; the DDL login can keep Planetary's ledger; and the {@code planetary_*} roles that carry
 * people's rights exist. Every statement runs under short timeouts; nothing is written.
 */
public class ConnectionTester {

    static final List<String> RIGHT_ROLES = List.of("planetary_requester", "planetary_reviewer", "planetary_operator",
            "planetary_viewer");
    private static final String WHO = """
            SELECT current_user, current_database(), current_setting('server_version'),
                   current_setting('server_version_num')::int""";
    /**
     * What the metadata login may SELECT. The tables of pg_stat_statements (statistics) and pg_cron (its jobs and
     * their runs, SELECT granted to PUBLIC by the extension) hold metadata about the workload, not an application's rows.
     */
    private static final String METADATA_READS = """
            SELECT r.rolsuper,
                   CASE WHEN to_regrole('pg_read_all_data') IS NULL THEN false
                        ELSE pg_has_role(current_user, 'pg_read_all_data', 'USAGE') END,
                   count(c.oid),
                   string_agg(format('%I.%I', n.nspname, c.relname), ', ' ORDER BY n.nspname, c.relname)
                       FILTER (WHERE c.oid IS NOT NULL)
              FROM pg_roles r
              LEFT JOIN pg_class c ON c.relkind IN ('r', 'p', 'v', 'm', 'f')
                   AND (has_table_privilege(c.oid, 'SELECT') OR has_any_column_privilege(c.oid, 'SELECT'))
                   AND c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
                   AND c.relnamespace IS DISTINCT FROM to_regnamespace('planetary')
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_extension x ON x.oid = d.refobjid
                                   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
                                     AND d.refclassid = 'pg_extension'::regclass AND x.extname IN ('pg_stat_statements', 'pg_cron'))
              LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE r.rolname = current_user
             GROUP BY r.rolsuper""";
    private static final String MISSING_ROLES = "SELECT string_agg(g, ', ' ORDER BY g) FROM unnest(?::text[]) g WHERE to_regrole(g) IS NULL";
    private static final String KEEPS_LEDGER = """
            SELECT has_database_privilege(current_database(), 'CREATE')
                OR (to_regnamespace('planetary') IS NOT NULL AND has_schema_privilege('planetary', 'CREATE'))""";

    private final NamedLogins logins;

    public ConnectionTester(NamedLogins logins) {
        this.logins = logins;
    }

    public ConnectionTest test(TargetSettings settings) {
        long started = System.nanoTime();
        List<Check> checks = new ArrayList<>();
        Server metadata = login("metadata", settings.metadataLogin(), checks).map(login -> connect(settings.url(), login,
                "Metadata login", checks, connection -> checkMetadataLogin(connection, checks))).orElse(null);
        Server ddl = login("DDL", settings.ddlLogin(), checks).map(login -> connect(settings.url(), login, "DDL login",
                checks, connection -> checkDdlLogin(connection, checks))).orElse(null);
        Server server = metadata != null ? metadata : ddl;
        if (server != null && server.versionNumber() < 140000) {
            checks.add(new Check("PostgreSQL version", Outcome.WARNING, "Planetary is tested on PostgreSQL 15; "
                    + server.version() + " may lack catalog columns it reads"));
        }
        return new ConnectionTest(checks, server == null ? null : server.version(), server == null ? null : server.database(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private Optional<Login> login(String which, String credential, List<Check> checks) {
        Optional<Login> login = logins.login(credential);
        if (login.isEmpty()) {
            checks.add(new Check("The " + which + " login's credential is configured", Outcome.FAILED, NamedLogins.missing(credential)));
        }
        return login;
    }

    private interface Checks {
        void run(Connection connection) throws SQLException;
    }

    /** The server a login reached. */
    private record Server(String version, int versionNumber, String database) {
    }

    /** Connects, records that it did and runs {@code then}; null when the login could not connect. */
    private static Server connect(String url, Login login, String which, List<Check> checks, Checks then) {
        try (Connection connection = DriverManager.getConnection(url, properties(login))) {
            Server server;
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(WHO)) {
                row.next();
                server = new Server(row.getString(3), row.getInt(4), row.getString(2));
                checks.add(new Check(which + " connects", Outcome.PASSED, "as " + row.getString(1) + " to database "
                        + server.database() + " on PostgreSQL " + server.version()));
            }
            try {
                then.run(connection);
            } catch (SQLException e) {
                // connected, but a check's query failed: say so, rather than that the login did not connect
                checks.add(new Check("The " + which + "'s checks ran", Outcome.FAILED, e.getMessage()));
            }
            return server;
        } catch (SQLException e) {
            // pgjdbc's messages name the host and the login, never the password.
            checks.add(new Check(which + " connects", Outcome.FAILED, e.getMessage() + (e.getSQLState() == null ? ""
                    : " (SQLSTATE " + e.getSQLState() + ")")));
            return null;
        }
    }

    private static void checkMetadataLogin(Connection connection, List<Check> checks) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(METADATA_READS)) {
            row.next();
            String what = "The metadata login reads no rows";
            if (row.getBoolean(1)) {
                checks.add(new Check(what, Outcome.FAILED, "it is a superuser, so it can read every row: use a login made for reading the catalog"));
            } else if (row.getBoolean(2)) {
                checks.add(new Check(what, Outcome.FAILED, "it is a member of pg_read_all_data, so it can read every row"));
            } else if (row.getLong(3) > 0) {
                checks.add(new Check(what, Outcome.FAILED, "it may SELECT from " + row.getLong(3) + " tables or views ("
                        + shorten(row.getString(4)) + "); revoke that (PUBLIC grants count)"));
            } else {
                checks.add(new Check(what, Outcome.PASSED, "no superuser, no pg_read_all_data, no SELECT on any table or view (Planetary's own schema aside)"));
            }
        }
        try (var statement = connection.prepareStatement(MISSING_ROLES)) {
            statement.setArray(1, connection.createArrayOf("text", RIGHT_ROLES.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                String missing = row.getString(1);
                checks.add(missing == null
                        ? new Check("People's rights can be read there", Outcome.PASSED, "the planetary_* roles exist")
                        : new Check("People's rights can be read there", Outcome.WARNING, "missing roles: " + missing
                                + "; nobody holds those rights on this target until they exist"));
            }
        }
    }

    private static void checkDdlLogin(Connection connection, List<Check> checks) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(KEEPS_LEDGER)) {
            row.next();
            checks.add(row.getBoolean(1)
                    ? new Check("The DDL login can keep Planetary's ledger", Outcome.PASSED, "it may create in schema planetary")
                    : new Check("The DDL login can keep Planetary's ledger", Outcome.FAILED,
                            "it may not create schema planetary (GRANT CREATE ON DATABASE) nor in it; no change could be applied"));
        }
    }

    private static String shorten(String names) {
        return names.length() <= 200 ? names : names.substring(0, 200) + "…";
    }

    private static Properties properties(Login login) {
        Properties properties = new Properties();
        properties.setProperty("user", login.username());
        properties.setProperty("password", login.password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "15");
        properties.setProperty("readOnly", "true");
        properties.setProperty("ApplicationName", "planetary-connection-test");
        properties.setProperty("options", "-c statement_timeout=10000 -c lock_timeout=1000");
        return properties;
    }
}
