package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Functions and views as changes through the API, checked in PostgreSQL. */
class FunctionAndViewChangesIT extends PlanetaryIT {

    @Test
    void a_security_definer_function_without_search_path_is_flagged_at_review_and_applies_as_written() throws Exception {
        JsonNode proposed = api.propose("alice", """
                {"kind": "create-function", "name": {"schema": "app", "name": "open_total"},
                 "parameters": [{"name": "p_tenant", "type": "text"}],
                 "returns": {"kind": "SCALAR", "type": "numeric"}, "language": "SQL", "volatility": "STABLE",
                 "security": "DEFINER",
                 "body": "SELECT coalesce(sum(amount), 0) FROM app.invoice WHERE tenant_id = p_tenant AND status = 'open'"}""");
        assertThat(proposed.path("dryRunStatus").asText()).as(proposed.path("dryRun").toString()).isEqualTo("PASSED");
        assertThat(proposed.path("plan").path("findings").findValuesAsText("rule")).contains("definer-without-search-path");
        assertThat(proposed.path("risk").asText()).isEqualTo("HIGH");

        String id = proposed.path("id").asText();
        api.approve("bob", id);
        api.approve("carol", id);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(STACK.targetQuery("SELECT prosecdef AND proconfig IS NULL FROM pg_proc WHERE proname = 'open_total'")).isTrue();
        assertThat(STACK.targetQuery("SELECT app.open_total('acme') = 120.00")).isTrue();
    }

    @Test
    void a_fixed_search_path_is_not_flagged() {
        JsonNode proposed = api.propose("alice", """
                {"kind": "create-function", "name": {"schema": "app", "name": "safe_total"},
                 "parameters": [{"name": "p_tenant", "type": "text"}],
                 "returns": {"kind": "SCALAR", "type": "numeric"}, "language": "SQL", "security": "DEFINER",
                 "searchPath": ["pg_catalog", "pg_temp"],
                 "body": "SELECT coalesce(sum(amount), 0) FROM app.invoice WHERE tenant_id = p_tenant"}""");
        assertThat(proposed.path("dryRunStatus").asText()).isEqualTo("PASSED");
        assertThat(proposed.path("plan").path("findings").findValuesAsText("rule")).doesNotContain("definer-without-search-path");
    }

    @Test
    void a_masked_view_is_created_with_the_catalogs_column_types_and_masks_for_its_grantee() throws Exception {
        STACK.asOwner("CREATE TABLE app.contact (id int PRIMARY KEY, email text, phone varchar(20), secret text)",
                "INSERT INTO app.contact VALUES (1, 'ann@example.test', '+4412345', 's3cret')",
                "GRANT USAGE ON SCHEMA app TO app_reader");
        JsonNode proposed = api.propose("alice", """
                {"kind": "create-view", "name": {"schema": "app", "name": "contact_public"},
                 "source": {"schema": "app", "name": "contact"}, "securityBarrier": true,
                 "columns": [{"name": "id"}, {"name": "email", "redaction": "MASK_EMAIL"},
                             {"name": "phone", "redaction": "HASH"}, {"name": "secret", "redaction": "NULLIFY"}],
                 "grantees": ["app_reader"]}""");
        assertThat(proposed.path("dryRunStatus").asText()).as(proposed.path("dryRun").toString()).isEqualTo("PASSED");
        assertThat(proposed.path("plan").path("statements").findValuesAsText("sql")).anySatisfy(sql ->
                assertThat(sql).contains("\"planetary\".\"hash\"(\"phone\"::text)", "NULL::text AS \"secret\""));
        String id = proposed.path("id").asText();
        api.approve("bob", id);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");

        STACK.server.execute(STACK.targetDatabase, "GRANT app_reader TO karen");
        try (Connection karen = STACK.targetAs("karen", "demo-karen"); Statement sql = karen.createStatement();
             ResultSet row = sql.executeQuery("SELECT email, length(phone), secret FROM app.contact_public")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("a**@example.test");
            assertThat(row.getInt(2)).isEqualTo(64);
            assertThat(row.getString(3)).isNull();
        } finally {
            STACK.server.execute(STACK.targetDatabase, "REVOKE app_reader FROM karen");
        }
    }

    @Test
    void a_view_over_a_table_whose_row_security_is_not_forced_is_flagged() {
        STACK.asOwner("CREATE TABLE app.note (id int PRIMARY KEY, tenant_id text)",
                "ALTER TABLE app.note ENABLE ROW LEVEL SECURITY");
        JsonNode proposed = api.propose("alice", """
                {"kind": "create-view", "name": {"schema": "app", "name": "note_v"},
                 "source": {"schema": "app", "name": "note"}, "columns": [{"name": "id"}]}""");
        assertThat(proposed.path("plan").path("findings").findValuesAsText("rule")).contains("view-bypasses-rls");
        assertThat(proposed.path("risk").asText()).isEqualTo("HIGH");
    }
}
