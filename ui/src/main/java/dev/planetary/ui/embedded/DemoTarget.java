package dev.planetary.ui.embedded;

import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import dev.planetary.kernel.sql.Identifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a target database the way Planetary expects one: the four Planetary group roles, an
 * elevated DDL role that owns the application schema, a metadata role with no access to rows,
 * demo people with their rights, and the demo invoicing schema. Roles are cluster-wide, so every
 * role statement is idempotent.
 */
public final class DemoTarget {

    /** A demo person: login, password, and the Planetary group roles they are in. */
    public record Person(String login, String password, List<String> groups, String description) {
    }

    public static final List<Person> PEOPLE = List.of(
            new Person("alice", "demo-alice", List.of("planetary_requester"), "developer: proposes changes"),
            new Person("bob", "demo-bob", List.of("planetary_reviewer", "planetary_operator"), "DBA: reviews and operates"),
            new Person("carol", "demo-carol", List.of("planetary_reviewer"), "senior developer: reviews"),
            new Person("dave", "demo-dave", List.of("planetary_requester", "planetary_reviewer"), "tech lead: proposes and reviews"),
            new Person("victor", "demo-victor", List.of("planetary_viewer"), "auditor: reads only"),
            new Person("karen", "demo-karen", List.of(), "operations: uses the application, never Planetary"));

    public static final List<String> GROUPS = List.of("planetary_requester", "planetary_reviewer", "planetary_operator",
            "planetary_viewer", "app_reader", "app_writer");

    /** The service logins Planetary itself uses on the target. */
    public record ServiceLogins(String ddlUser, String ddlPassword, String metadataUser, String metadataPassword) {
        @Override
        public String toString() {
            return "ServiceLogins[ddlUser=" + ddlUser + ", metadataUser=" + metadataUser + "]";
        }
    }

    private DemoTarget() {
    }

    /** Service logins with fresh random passwords. */
    public static ServiceLogins newServiceLogins() {
        return new ServiceLogins("planetary_ddl", EmbeddedServers.randomPassword(), "planetary_meta", EmbeddedServers.randomPassword());
    }

    /**
     * Installs roles and the demo schema into {@code database}. Roles are cluster-wide: servers
     * hosting several targets must pass the same {@code logins} each time.
     */
    public static void install(PostgresServer server, String database, ServiceLogins logins) {
        for (String group : GROUPS) {
            server.execute("postgres", ensureRole(group, false));
        }
        server.execute("postgres",
                ensureRole(logins.ddlUser(), true),
                // REPLICATION: dropping an unused replication slot (a reviewed change) is for logins with it
                "ALTER ROLE planetary_ddl CREATEROLE REPLICATION PASSWORD '" + logins.ddlPassword() + "'",
                ensureRole(logins.metadataUser(), true),
                "ALTER ROLE planetary_meta PASSWORD '" + logins.metadataPassword() + "'",
                // statistics, not rows: pg_monitor reads pg_stat_activity's and pg_stat_statements' texts;
                // pg_signal_backend lets the executor's login cancel a query as an operator asks
                "GRANT pg_monitor TO planetary_meta",
                "GRANT pg_signal_backend, pg_read_all_stats TO planetary_ddl");
        for (Person person : PEOPLE) {
            server.execute("postgres", ensureRole(person.login(), true),
                    "ALTER ROLE " + Identifier.of(person.login()).quoted() + " PASSWORD '" + person.password() + "'");
            for (String group : person.groups()) {
                server.execute("postgres", "GRANT " + Identifier.of(group).quoted() + " TO " + Identifier.of(person.login()).quoted());
            }
        }
        server.execute(database,
                "GRANT CREATE ON DATABASE " + Identifier.of(database).quoted() + " TO planetary_ddl",
                // a database's own defaults (ALTER DATABASE ... SET) are its owner's to change
                "ALTER DATABASE " + Identifier.of(database).quoted() + " OWNER TO planetary_ddl",
                // postgres_fdw is not a trusted extension: an operator installs it once; changes then create servers.
                "CREATE EXTENSION IF NOT EXISTS postgres_fdw",
                "CREATE EXTENSION IF NOT EXISTS pg_stat_statements",
                // measures bloat for the health page; not trusted either, so installed here once
                "CREATE EXTENSION IF NOT EXISTS pgstattuple",
                "GRANT USAGE ON FOREIGN DATA WRAPPER postgres_fdw TO planetary_ddl",
                // the configuration page shows the files' lines that did not apply (metadata, reserved to
                // superusers); a grant on a catalog view holds in its database only
                "GRANT SELECT ON pg_catalog.pg_file_settings TO planetary_meta",
                // server parameters as reviewed changes: ALTER SYSTEM of the ones granted here, then a reload
                "GRANT ALTER SYSTEM ON PARAMETER " + String.join(", ", TUNABLE_PARAMETERS) + " TO planetary_ddl",
                "GRANT EXECUTE ON FUNCTION pg_catalog.pg_reload_conf() TO planetary_ddl",
                "GRANT EXECUTE ON FUNCTION pg_catalog.pg_show_all_file_settings() TO planetary_meta",
                "SET ROLE planetary_ddl",
                resource("/demo/target-schema.sql"));
        server.execute(database, resource("/demo/monitoring.sql"));
        // After the demo schema, which is the starting point rather than drift.
        server.execute(database, resource("/demo/drift-recorder.sql"));
    }

    /**
     * The parameters the demo lets Planetary change with ALTER SYSTEM (PostgreSQL 15's parameter privileges):
     * what a DBA tunes, including one that takes a restart (shared_buffers) and one that decides durability.
     */
    static final List<String> TUNABLE_PARAMETERS = List.of(
            "work_mem", "maintenance_work_mem", "effective_cache_size", "random_page_cost", "effective_io_concurrency",
            "default_statistics_target", "shared_buffers", "max_wal_size", "min_wal_size", "checkpoint_timeout",
            "checkpoint_completion_target", "log_min_duration_statement", "log_lock_waits", "log_temp_files",
            "log_autovacuum_min_duration", "statement_timeout", "idle_in_transaction_session_timeout", "lock_timeout",
            "autovacuum_vacuum_scale_factor", "autovacuum_analyze_scale_factor", "autovacuum_naptime",
            "track_io_timing", "jit", "synchronous_commit");

    public static Map<String, String> describePeople() {
        Map<String, String> described = new LinkedHashMap<>();
        for (Person person : PEOPLE) {
            described.put(person.login() + " / " + person.password(), person.description());
        }
        return described;
    }

    private static String ensureRole(String name, boolean login) {
        String quoted = Identifier.of(name).quoted();
        return "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + name.replace("'", "''") + "') THEN "
                + "CREATE ROLE " + quoted + (login ? " LOGIN" : " NOLOGIN") + "; END IF; END $$";
    }

    private static String resource(String name) {
        try (InputStream in = DemoTarget.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
