package dev.planetary.query.audit;

import dev.planetary.embedded.EmbeddedServers;
import dev.planetary.embedded.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit server, a PostgreSQL server of its own: one preparation gives the append-only
 * tables and the insert-only writer, and the server itself refuses rewriting audit rows to
 * everyone but the owner, superusers included.
 */
class AuditPreparationIT {

    private static EmbeddedServers.Started audit;
    private static AuditProperties properties;
    private static AuditServer server;

    @BeforeAll
    static void startAuditServer() throws Exception {
        audit = EmbeddedServers.start(Files.createTempDirectory("planetary-audit-"));
        PostgresServer postgres = audit.server();
        postgres.execute("postgres", "CREATE ROLE audit_owner LOGIN CREATEROLE PASSWORD 'owner-secret-1'",
                "GRANT CREATE ON DATABASE postgres TO audit_owner");
        properties = new AuditProperties(postgres.jdbcUrl("postgres"),
                new AuditProperties.Credentials("audit_owner", "owner-secret-1"),
                new AuditProperties.Credentials("planetary_audit_writer", "writer-secret-2"));
        server = new AuditServer(properties);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        audit.close();
    }

    private static Connection as(String user, String password) throws SQLException {
        return DriverManager.getConnection(properties.url(), user, password);
    }

    @Test
    void the_writer_appends_and_nobody_but_the_owner_rewrites() throws Exception {
        AuditPreparation preparation = new AuditPreparation(server);
        preparation.run();
        preparation.run();

        try (Connection writer = server.writer(); Statement sql = writer.createStatement()) {
            sql.execute("INSERT INTO audit.row_change (occurred_at, database_name, schema_name, table_name, operation,"
                    + " session_user_name, new_row) VALUES (now(), 'app', 'app', 'invoice', 'INSERT', 'karen', '{\"id\": 1}')");
            sql.execute("INSERT INTO audit.schema_change (change_id, sequence, event, actor, occurred_at, detail)"
                    + " VALUES ('c-1', 0, 'proposed', 'alice', now(), 'test')");
            for (String rewrite : new String[]{"UPDATE audit.row_change SET operation = 'DELETE'", "DELETE FROM audit.row_change",
                    "TRUNCATE audit.row_change", "UPDATE audit.schema_change SET actor = 'mallory'", "DELETE FROM audit.schema_change",
                    "SELECT * FROM audit.row_change"}) {
                assertThatThrownBy(() -> sql.execute(rewrite)).as(rewrite)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
        try (Connection superuser = audit.server().connect("postgres"); Statement sql = superuser.createStatement()) {
            for (String rewrite : new String[]{"UPDATE audit.row_change SET operation = 'DELETE'", "DELETE FROM audit.schema_change",
                    "TRUNCATE audit.row_change"}) {
                assertThatThrownBy(() -> sql.execute(rewrite)).as("superuser: " + rewrite)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("42501");
                            assertThat(e.getMessage()).contains("append-only");
                        });
            }
            assertThat(count(sql, "audit.row_change")).isEqualTo(1);
            assertThat(count(sql, "audit.schema_change")).isEqualTo(1);
        }
        try (Connection owner = as("audit_owner", "owner-secret-1"); Statement sql = owner.createStatement()) {
            assertThat(sql.executeUpdate("DELETE FROM audit.row_change WHERE table_name = 'invoice'"))
                    .as("the owner may remove rows").isEqualTo(1);
            sql.execute("INSERT INTO audit.row_change (occurred_at, database_name, schema_name, table_name, operation,"
                    + " session_user_name) VALUES (now() - interval '500 days', 'app', 'app', 'old', 'INSERT', 'x'),"
                    + " (now(), 'app', 'app', 'new', 'INSERT', 'x')");
            try (var pruned = sql.executeQuery("SELECT audit.prune(interval '400 days')")) {
                pruned.next();
                assertThat(pruned.getLong(1)).as("the retention prune removes only what is older").isEqualTo(1);
            }
        }
        try (Connection writer = server.writer(); Statement sql = writer.createStatement()) {
            assertThatThrownBy(() -> sql.execute("SELECT audit.prune(interval '0 days')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    private static long count(Statement sql, String table) throws SQLException {
        try (var rows = sql.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
