package dev.planetary.ui.protect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Planetary contract, proven from the other side. A requester protects an invoice table
 * through the API with three views and a tenant-isolation policy; a reviewer approves; then Karen,
 * a plain login granted nothing but the views, tries everything an application role would.
 * Finally "unprotect" puts the table's former grants and policy back.
 */
class ProtectedTableContractIT extends PlanetaryIT {

    private static final String TENANT = "tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), ''),"
            + " current_setting('request.jwt.claims', true)::jsonb ->> 'tenant_id')";

    private static final String PROTECT = """
            {"kind": "protect-table", "table": {"schema": "billing", "name": "invoice"},
             "views": [
               {"name": "invoice_v", "grantees": ["karen"],
                "columns": [{"name": "id"}, {"name": "tenant_id"}, {"name": "customer_email"}, {"name": "card_number"},
                            {"name": "amount"}, {"name": "status"}],
                "writes": [{"operation": "INSERT", "body": %s}, {"operation": "UPDATE"}, {"operation": "DELETE"}]},
               {"name": "invoice_v_finance", "grantees": ["karen"],
                "columns": [{"name": "id"}, {"name": "tenant_id"}, {"name": "amount"}, {"name": "status"}]},
               {"name": "invoice_v_redacted", "grantees": ["karen"],
                "columns": [{"name": "id"}, {"name": "tenant_id"},
                            {"name": "customer_email", "redaction": "MASK_EMAIL"},
                            {"name": "card_number", "redaction": "MASK_PAN"}, {"name": "amount"}]}],
             "policies": [{"name": "tenant_isolation", "command": "ALL", "using": "%s", "withCheck": "%s"}]}"""
            .formatted(json("""
                    BEGIN
                        IF new_row.amount IS NULL OR new_row.amount <= 0 THEN
                            RAISE EXCEPTION 'invoice amount must be positive, got %', new_row.amount
                                USING ERRCODE = 'check_violation';
                        END IF;
                        IF position('@' in new_row.customer_email) = 0 THEN
                            RAISE EXCEPTION 'customer_email is not an e-mail address' USING ERRCODE = 'check_violation';
                        END IF;
                        new_row.customer_email := lower(new_row.customer_email);
                        RETURN new_row;
                    END"""), TENANT, TENANT);

    private static final List<String> VIEWS = List.of("billing.invoice_v", "billing.invoice_v_finance", "billing.invoice_v_redacted");

    @Test
    void karen_reaches_the_protected_table_only_through_its_views_and_only_her_tenants_rows() throws Exception {
        STACK.asOwner("CREATE SCHEMA billing",
                """
                CREATE TABLE billing.invoice (
                    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    tenant_id      text          NOT NULL,
                    customer_email text          NOT NULL,
                    card_number    text,
                    amount         numeric(12,2) NOT NULL CHECK (amount >= 0),
                    status         text          NOT NULL DEFAULT 'open')""",
                """
                INSERT INTO billing.invoice (tenant_id, customer_email, card_number, amount) VALUES
                    ('acme', 'wile@acme.test', '4111111111111111', 120.00),
                    ('acme', 'meep@acme.test', '5500000000000004', 35.50),
                    ('globex', 'hank@globex.test', '340000000000009', 990.00)""",
                "GRANT SELECT, INSERT ON billing.invoice TO app_reader",
                "GRANT SELECT (id, amount) ON billing.invoice TO karen",
                "CREATE POLICY legacy ON billing.invoice FOR SELECT TO app_reader USING (status <> 'void')");

        JsonNode proposed = api.propose("alice", PROTECT);
        String id = proposed.path("id").asText();
        assertThat(proposed.path("dryRunStatus").asText()).as(proposed.path("dryRun").toString()).isEqualTo("PASSED");
        assertThat(proposed.path("risk").asText()).isEqualTo("HIGH");
        assertThat(proposed.path("spec").path("facts").path("owner").asText()).isEqualTo("planetary_ddl");
        List<String> statements = proposed.path("plan").path("statements").findValuesAsText("sql");
        assertThat(statements).contains(
                "REVOKE ALL ON TABLE \"billing\".\"invoice\" FROM \"app_reader\"",
                "REVOKE ALL ON TABLE \"billing\".\"invoice\" FROM \"karen\"",
                "DROP POLICY \"legacy\" ON \"billing\".\"invoice\"",
                "ALTER TABLE \"billing\".\"invoice\" FORCE ROW LEVEL SECURITY");
        assertThat(STACK.targetQuery("SELECT to_regclass('billing.invoice_v') IS NULL")).as("dry-run leaves nothing").isTrue();

        assertThat(api.approve("bob", id).status()).isEqualTo(200);
        assertThat(api.approve("carol", id).status()).as("high risk: two reviewers").isEqualTo(200);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");

        try (Connection karen = STACK.targetAs("karen", "demo-karen"); Statement sql = karen.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("SELECT * FROM billing.invoice"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));

            for (String view : VIEWS) {
                assertThat(ids(sql, "SELECT id FROM " + view)).as(view + " without a claim").isEmpty();
            }
            sql.execute("SET app.tenant_id = 'acme'");
            for (String view : VIEWS) {
                assertThat(ids(sql, "SELECT id FROM " + view + " ORDER BY id")).as(view + " for acme").containsExactly(1L, 2L);
            }
            sql.execute("RESET app.tenant_id");
            sql.execute("SET request.jwt.claims = '{\"tenant_id\": \"globex\"}'");
            for (String view : VIEWS) {
                assertThat(ids(sql, "SELECT id FROM " + view)).as(view + " for globex by JWT claim").containsExactly(3L);
            }
            sql.execute("RESET request.jwt.claims");
            sql.execute("SET app.tenant_id = 'acme'");

            assertThat(strings(sql, "SELECT customer_email || ' ' || card_number FROM billing.invoice_v_redacted ORDER BY id"))
                    .containsExactly("w***@acme.test ************1111", "m***@acme.test ************0004");
            assertThat(strings(sql, "SELECT customer_email FROM billing.invoice_v WHERE id = 1")).containsExactly("wile@acme.test");

            // A valid row goes through the trigger and the validation function (which lower-cases the e-mail).
            assertThat(ids(sql, "INSERT INTO billing.invoice_v (tenant_id, customer_email, amount) "
                    + "VALUES ('acme', 'New@Acme.Test', 10) RETURNING id")).containsExactly(4L);
            assertThat(strings(sql, "SELECT customer_email || ' ' || status FROM billing.invoice_v WHERE id = 4"))
                    .containsExactly("new@acme.test open");

            // An invalid row raises the function's error, and nothing lands.
            assertThatThrownBy(() -> sql.execute("INSERT INTO billing.invoice_v (tenant_id, customer_email, amount) "
                    + "VALUES ('acme', 'no-at-sign', 5)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("23514");
                        assertThat(e.getMessage()).contains("customer_email is not an e-mail address");
                    });
            assertThatThrownBy(() -> sql.execute("INSERT INTO billing.invoice_v (tenant_id, customer_email, amount) "
                    + "VALUES ('acme', 'x@acme.test', 0)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("must be positive"));

            // Another tenant's rows can be neither written nor touched.
            assertThatThrownBy(() -> sql.execute("INSERT INTO billing.invoice_v (tenant_id, customer_email, amount) "
                    + "VALUES ('globex', 'evil@globex.test', 1)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42501");
                        assertThat(e.getMessage()).contains("row-level security");
                    });
            assertThat(sql.executeUpdate("UPDATE billing.invoice_v SET amount = 1 WHERE id = 3")).isZero();
            assertThat(sql.executeUpdate("DELETE FROM billing.invoice_v WHERE id = 3")).isZero();
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE billing.invoice_v SET tenant_id = 'globex' WHERE id = 2"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));

            // Her own rows she can change and delete.
            assertThat(sql.executeUpdate("UPDATE billing.invoice_v SET status = 'paid' WHERE id = 2")).isEqualTo(1);
            assertThat(sql.executeUpdate("DELETE FROM billing.invoice_v WHERE id = 4")).isEqualTo(1);
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE billing.invoice_v_finance SET amount = 1 WHERE id = 1"))
                    .as("a view without writes refuses them")
                    .isInstanceOf(SQLException.class);
        }
        assertThat(rawRows()).containsExactly("1 acme 120.00 open", "2 acme 35.50 paid", "3 globex 990.00 open");

        JsonNode unprotect = api.propose("alice", "{\"kind\": \"unprotect-table\", \"protectedBy\": \"" + id + "\"}");
        assertThat(unprotect.path("dryRunStatus").asText()).as(unprotect.path("dryRun").toString()).isEqualTo("PASSED");
        assertThat(api.approve("carol", unprotect.path("id").asText()).status()).isEqualTo(200);
        assertThat(api.approve("bob", unprotect.path("id").asText()).status()).isEqualTo(200);
        assertThat(api.awaitStatus(unprotect.path("id").asText(), "APPLIED").path("status").asText()).isEqualTo("APPLIED");

        assertThat(STACK.targetQuery("SELECT has_table_privilege('app_reader', 'billing.invoice', 'SELECT')"
                + " AND has_table_privilege('app_reader', 'billing.invoice', 'INSERT')"
                + " AND NOT has_table_privilege('app_reader', 'billing.invoice', 'UPDATE')")).isTrue();
        assertThat(STACK.targetQuery("SELECT has_column_privilege('karen', 'billing.invoice', 'amount', 'SELECT')"
                + " AND NOT has_column_privilege('karen', 'billing.invoice', 'card_number', 'SELECT')")).isTrue();
        assertThat(STACK.targetQuery("SELECT NOT has_schema_privilege('karen', 'billing', 'USAGE')")).isTrue();
        assertThat(STACK.targetQuery("SELECT count(*) = 1 FROM pg_policies WHERE schemaname = 'billing' AND policyname = 'legacy'"
                + " AND roles = '{app_reader}'")).isTrue();
        assertThat(STACK.targetQuery("SELECT NOT relrowsecurity AND NOT relforcerowsecurity FROM pg_class"
                + " WHERE oid = 'billing.invoice'::regclass")).isTrue();
        assertThat(STACK.targetQuery("SELECT count(*) = 0 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'billing' AND c.relkind = 'v'")).isTrue();
        assertThat(STACK.targetQuery("SELECT count(*) = 0 FROM pg_proc WHERE pronamespace = 'billing'::regnamespace")).isTrue();
    }

    @Test
    void a_protection_of_a_missing_table_or_column_is_refused_naming_the_field() {
        Response missing = api.post("alice", "/api/changes", "{\"spec\": " + PROTECT.replace("\"invoice\"}", "\"nothing\"}") + "}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("invalid_spec");
        assertThat(missing.body().path("field").asText()).isEqualTo("spec.table");

        Response unknown = api.post("alice", "/api/changes",
                "{\"spec\": {\"kind\": \"unprotect-table\", \"protectedBy\": \"not-a-change\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("field").asText()).isEqualTo("spec.protectedBy");
    }

    private List<String> rawRows() throws SQLException {
        try (Connection owner = STACK.target(); Statement sql = owner.createStatement()) {
            return strings(sql, "SELECT id || ' ' || tenant_id || ' ' || amount || ' ' || status FROM billing.invoice ORDER BY id");
        }
    }

    private static List<Long> ids(Statement sql, String query) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
