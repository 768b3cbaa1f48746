package dev.planetary.ui.audit;

import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.TestStack;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forensic copy of the change history on the audit server: an operator prepares the server
 * once through the API, then every change's life (who proposed which SQL, who approved, how it
 * ended) lands in its append-only schema_change table.
 */
class SchemaChangeMirrorIT extends PlanetaryIT {

    @Test
    void only_an_operator_prepares_and_the_change_history_appears_on_the_audit_server() throws Exception {
        assertThat(api.post("alice", "/api/audit/preparation", "").status()).isEqualTo(403);
        Response prepared = api.post("bob", "/api/audit/preparation", "");
        assertThat(prepared.status()).isEqualTo(204);

        STACK.asOwner("CREATE TABLE app.mirrored (id int PRIMARY KEY)");
        String id = api.propose("alice", """
                {"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"mirrored"},"grantee":"karen"}""").path("id").asText();
        api.approve("bob", id);
        api.awaitStatus(id, "APPLIED");

        List<String> rows = awaitRows(id, 4);
        assertThat(rows).contains(
                "proposed|alice|GRANT SELECT ON TABLE \"app\".\"mirrored\" TO \"karen\";\n",
                "approval|bob|",
                "applied|planetary|");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("approved|planetary|GRANT SELECT"));
    }

    private static List<String> awaitRows(String changeId, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> rows = List.of();
        while (System.nanoTime() < deadline) {
            rows = rows(changeId);
            if (rows.size() >= atLeast && rows.stream().anyMatch(r -> r.startsWith("applied"))) {
                return rows;
            }
            Thread.sleep(200);
        }
        return rows;
    }

    private static List<String> rows(String changeId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection audit = TestStack.audit().connect("postgres"); Statement sql = audit.createStatement();
             ResultSet result = sql.executeQuery("SELECT event || '|' || coalesce(actor, '') || '|' || coalesce(sql, '')"
                     + " FROM audit.schema_change WHERE change_id = '" + changeId.replace("'", "''") + "' ORDER BY sequence")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        } catch (java.sql.SQLException e) {
            // the table appears with the preparation; until then there is nothing to read
        }
        return rows;
    }
}
