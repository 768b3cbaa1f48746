package dev.planetary.ui.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row auditing across two real PostgreSQL servers: the target is connected to the audit server by
 * an approved change whose password is a credential named in the change (never its value), a
 * table is audited by another, and every insert, update and delete lands on the audit server with
 * its before and after. With the audit server unreachable the write fails and nothing is lost.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailIT extends PlanetaryIT {

    @Test
    void writes_to_an_audited_table_land_on_the_audit_server_and_fail_closed_without_it(CapturedOutput output) throws Exception {
        int auditPort = TestStack.audit().port();
        String connect = """
                {"kind": "connect-audit", "host": "localhost", "port": %d, "database": "postgres",
                 "remoteUser": "planetary_audit_writer", "credential": "audit-writer"}""".formatted(auditPort);
        JsonNode connected = applied(connect);
        assertThat(connected.path("plan").toString()).contains("password '********'").doesNotContain(TestStack.AUDIT_WRITER_PASSWORD);

        STACK.asOwner("CREATE TABLE app.audited (id int PRIMARY KEY, note text)",
                "GRANT USAGE ON SCHEMA app TO karen", "GRANT SELECT, INSERT, UPDATE, DELETE ON app.audited TO karen");
        applied("{\"kind\": \"audit-table\", \"table\": {\"schema\": \"app\", \"name\": \"audited\"}, \"audit\": true}");

        try (Connection karen = STACK.targetAs("karen", "demo-karen"); Statement sql = karen.createStatement()) {
            sql.execute("SET app.tenant_id = 'acme'");
            sql.execute("INSERT INTO app.audited VALUES (1, 'first')");
            sql.execute("UPDATE app.audited SET note = 'second' WHERE id = 1");
            sql.execute("DELETE FROM app.audited WHERE id = 1");
        }
        assertThat(auditRows()).containsExactly(
                "INSERT|karen|{\"app.tenant_id\": \"acme\"}||{\"id\": 1, \"note\": \"first\"}",
                "UPDATE|karen|{\"app.tenant_id\": \"acme\"}|{\"id\": 1, \"note\": \"first\"}|{\"id\": 1, \"note\": \"second\"}",
                "DELETE|karen|{\"app.tenant_id\": \"acme\"}|{\"id\": 1, \"note\": \"second\"}|");

        // The target's roles cannot rewrite the trail either: the foreign table is the owner's alone, and even
        // its owner reaches the audit server only as the insert-only writer, which the audit server refuses.
        try (Connection karen = STACK.targetAs("karen", "demo-karen"); Statement sql = karen.createStatement()) {
            assertThatThrownBy(() -> sql.execute("DELETE FROM planetary.audit_row_change"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
        try (Connection owner = STACK.target(); Statement sql = owner.createStatement()) {
            sql.execute("SET ROLE planetary_ddl");
            assertThatThrownBy(() -> sql.execute("DELETE FROM planetary.audit_row_change"))
                    .as("the writer has no DELETE on the audit server").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("UPDATE planetary.audit_row_change SET operation = 'INSERT'"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(auditRows()).hasSize(3);

        // The audit server stopped: the write is refused, not lost; started again, writes are audited again.
        TestStack.withAuditServerStopped(() -> {
            try (Connection karen = STACK.targetAs("karen", "demo-karen"); Statement sql = karen.createStatement()) {
                assertThatThrownBy(() -> sql.execute("INSERT INTO app.audited VALUES (2, 'while down')"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("audit server cannot record"));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(STACK.targetQuery("SELECT count(*) = 0 FROM app.audited")).as("the refused write left nothing").isTrue();
        try (Connection karen = STACK.targetAs("karen", "demo-karen"); Statement sql = karen.createStatement()) {
            sql.execute("INSERT INTO app.audited VALUES (2, 'back')");
        }
        assertThat(auditRows()).hasSize(4).last().asString().startsWith("INSERT|karen|");

        // A schema audited from creation on: a table made there later (even by hand) is audited at once.
        STACK.asOwner("CREATE SCHEMA audit_auto");
        applied("{\"kind\": \"audit-schema\", \"schema\": \"audit_auto\", \"auto\": true}");
        STACK.asOwner("CREATE TABLE audit_auto.born (id int)", "INSERT INTO audit_auto.born VALUES (42)");
        try (Connection audit = TestStack.audit().connect("postgres"); Statement sql = audit.createStatement();
             ResultSet born = sql.executeQuery("SELECT new_row::text, target FROM audit.row_change WHERE table_name = 'born'")) {
            assertThat(born.next()).as("the new table's insert was audited").isTrue();
            assertThat(born.getString(1)).isEqualTo("{\"id\": 42}");
            assertThat(born.getString(2)).as("the row names the target it was written on").isEqualTo("default");
        }
        assertThat(api.get("bob", "/api/audit/rows?table=born&target=staging").body()).as("written on default, not staging").isEmpty();
        assertThat(api.get("bob", "/api/audit/rows?table=born").body()).hasSize(1);

        // The viewer and the health, for operators only.
        assertThat(api.get("alice", "/api/audit/rows?table=app.audited").status()).isEqualTo(403);
        JsonNode updates = api.get("bob", "/api/audit/rows?table=app.audited&operation=UPDATE").body();
        assertThat(updates.size()).isEqualTo(1);
        assertThat(updates.get(0).path("before").asText()).contains("first");
        assertThat(updates.get(0).path("after").asText()).contains("second");
        JsonNode health = api.get("bob", "/api/audit/health").body();
        assertThat(health.path("reachable").asBoolean()).isTrue();
        assertThat(health.path("auditedTables").toString()).contains("app.audited");
        assertThat(health.path("unauditedTables").toString()).contains("app.invoice");
        assertThat(health.path("lastWrite").isNull()).isFalse();

        // The secret is nowhere: not in the events, not in the API's answers, not in the log.
        try (Connection control = STACK.control(); Statement sql = control.createStatement();
             ResultSet hits = sql.executeQuery("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE '%"
                     + TestStack.AUDIT_WRITER_PASSWORD + "%'")) {
            hits.next();
            assertThat(hits.getLong(1)).isZero();
        }
        assertThat(api.get("victor", "/api/changes?limit=200").body().toString()).doesNotContain(TestStack.AUDIT_WRITER_PASSWORD);
        assertThat(api.get("victor", "/api/history").body().toString()).doesNotContain(TestStack.AUDIT_WRITER_PASSWORD);
        assertThat(api.get("victor", "/api/catalog/foreign-data").body().toString()).doesNotContain(TestStack.AUDIT_WRITER_PASSWORD);
        assertThat(output.getAll()).doesNotContain(TestStack.AUDIT_WRITER_PASSWORD);
    }

    private JsonNode applied(String spec) {
        JsonNode proposed = api.propose("alice", spec);
        assertThat(proposed.path("dryRunStatus").asText()).as(proposed.path("dryRun").toString()).isEqualTo("PASSED");
        String id = proposed.path("id").asText();
        api.approve("bob", id);
        if (proposed.path("requiredApprovals").asInt() > 1) {
            api.approve("carol", id);
        }
        JsonNode applied = api.awaitStatus(id, "APPLIED");
        assertThat(applied.path("status").asText()).as(applied.path("failure").toString()).isEqualTo("APPLIED");
        return applied;
    }

    private static List<String> auditRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection audit = TestStack.audit().connect("postgres"); Statement sql = audit.createStatement();
             ResultSet result = sql.executeQuery("SELECT operation || '|' || session_user_name || '|' || coalesce(claims::text, '')"
                     + " || '|' || coalesce(old_row::text, '') || '|' || coalesce(new_row::text, '') FROM audit.row_change"
                     + " WHERE table_name = 'audited' ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
