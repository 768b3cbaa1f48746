package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.command.target.DdlTargets;
import dev.planetary.command.target.PlanRunner;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.plan.Statement;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inverses read from the catalog at proposal, round-tripped on the target with hostile names: a
 * dropped index comes back, built concurrently by the executor, with the very definition
 * PostgreSQL printed for it before; a replaced comment comes back verbatim. What a client sends
 * as facts is replaced; an index a constraint needs has no inverse, and says why.
 */
class InverseFromFactsIT extends PlanetaryIT {

    private static final String INDEX = "\"Inverse Case\".\"by \"\"status\"\"\"";
    private static final String TABLE = "\"Inverse Case\".\"a\"\"b\"";

    @Autowired
    private ObjectMapper json;
    @Autowired
    private DdlTargets targets;

    @BeforeAll
    static void hostileObjects() {
        STACK.asOwner("CREATE SCHEMA IF NOT EXISTS \"Inverse Case\"",
                "CREATE TABLE " + TABLE + " (id int PRIMARY KEY, \"Tenant\"\"Id\" text, email text, note text)",
                "CREATE UNIQUE INDEX \"by \"\"status\"\"\" ON " + TABLE + " (\"Tenant\"\"Id\", lower(email) DESC) INCLUDE (note)"
                        + " WITH (fillfactor = 70) WHERE (note <> 'x''; DROP TABLE t; --')",
                "COMMENT ON COLUMN " + TABLE + ".\"Tenant\"\"Id\" IS E'the tenant''s \\\\ id;\\n-- as written'",
                "CREATE POLICY \"own\"\"rows\" ON " + TABLE + " USING (true)",
                "CREATE FUNCTION \"Inverse Case\".\"f\"\"n\"(integer, text[]) RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "COMMENT ON FUNCTION \"Inverse Case\".\"f\"\"n\"(integer, text[]) IS 'counts; nothing else'");
    }

    @Test
    void a_dropped_index_is_built_again_concurrently_with_its_original_definition() throws Exception {
        String original = text("SELECT pg_get_indexdef(to_regclass(?))", INDEX);
        // a client's facts are replaced by the catalog's
        JsonNode proposed = api.propose("alice", """
                {"kind": "drop-index", "index": {"schema": "Inverse Case", "name": "by \\"status\\""}, "concurrently": true,
                 "facts": {"definition": "CREATE INDEX evil ON app.invoice (id)", "partitioned": false, "constraints": []}}""");
        Plan plan = json.treeToValue(proposed.path("plan"), Plan.class);
        assertThat(plan.inverse()).hasSize(1);
        Statement inverse = plan.inverse().get(0);
        assertThat(inverse.sql()).isEqualTo(original.replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX CONCURRENTLY "))
                .contains("WITH (fillfactor='70')");
        assertThat(inverse.transactional()).isFalse();
        assertThat(inverse.outside().rehearsal()).isEqualTo(original);

        String id = proposed.path("id").asText();
        api.approve("bob", id);
        api.approve("carol", id);
        JsonNode applied = api.await(id, change -> change.path("status").asText().matches("APPLIED|FAILED"));
        assertThat(applied.path("status").asText()).as(applied.toString()).isEqualTo("APPLIED");
        assertThat(STACK.targetQuery("SELECT to_regclass('" + INDEX.replace("'", "''") + "') IS NULL")).isTrue();

        runInverse(plan, "undo-drop-index");
        assertThat(text("SELECT pg_get_indexdef(to_regclass(?))", INDEX)).isEqualTo(original);
        assertThat(STACK.targetQuery("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('"
                + INDEX.replace("'", "''") + "')")).isTrue();
    }

    @Test
    void an_index_definition_names_every_function_with_its_schema_whatever_the_search_path() throws Exception {
        // public is on every session's search_path: pg_get_indexdef would print the function bare there
        STACK.server.execute(STACK.targetDatabase,
                "CREATE OR REPLACE FUNCTION public.inverse_norm(text) RETURNS text IMMUTABLE LANGUAGE sql AS 'SELECT lower($1)'",
                "CREATE INDEX IF NOT EXISTS by_norm_email ON " + TABLE + " (public.inverse_norm(email))");
        JsonNode proposed = api.propose("alice", """
                {"kind": "drop-index", "index": {"schema": "Inverse Case", "name": "by_norm_email"}}""");
        Plan plan = json.treeToValue(proposed.path("plan"), Plan.class);
        assertThat(plan.inverse().get(0).sql()).contains("(public.inverse_norm(email))");
        api.post("alice", "/api/changes/" + proposed.path("id").asText() + "/withdrawal", "{}");
    }

    @Test
    void a_replaced_comment_is_put_back_verbatim() throws Exception {
        String column = "SELECT col_description(to_regclass(?), 2)";
        String original = text(column, TABLE);
        assertThat(original).isEqualTo("the tenant's \\ id;\n-- as written");
        JsonNode proposed = api.propose("alice", """
                {"kind": "comment-on", "target": "COLUMN", "object": {"schema": "Inverse Case", "name": "a\\"b"},
                 "name": "Tenant\\"Id", "comment": "replaced", "previous": {"text": "forged'); DROP TABLE t; --"}}""");
        Plan plan = json.treeToValue(proposed.path("plan"), Plan.class);
        assertThat(plan.inverseScript()).isEqualTo("COMMENT ON COLUMN \"Inverse Case\".\"a\"\"b\".\"Tenant\"\"Id\""
                + " IS E'the tenant''s \\\\ id;\n-- as written';\n");

        String id = proposed.path("id").asText();
        api.approve("bob", id);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(text(column, TABLE)).isEqualTo("replaced");

        runInverse(plan, "undo-comment");
        assertThat(text(column, TABLE)).isEqualTo(original);
    }

    @Test
    void the_previous_comment_of_a_function_or_a_policy_is_read_as_comment_on_names_it() {
        JsonNode function = api.propose("alice", """
                {"kind": "comment-on", "target": "FUNCTION", "object": {"schema": "Inverse Case", "name": "f\\"n"},
                 "argumentTypes": ["integer", "text[]"], "comment": "new"}""");
        assertThat(function.path("plan").path("inverse").get(0).path("sql").asText())
                .isEqualTo("COMMENT ON FUNCTION \"Inverse Case\".\"f\"\"n\"(integer, text[]) IS E'counts; nothing else'");
        JsonNode policy = api.propose("alice", """
                {"kind": "comment-on", "target": "POLICY", "object": {"schema": "Inverse Case", "name": "a\\"b"},
                 "name": "own\\"rows", "comment": "new"}""");
        assertThat(policy.path("plan").path("inverse").get(0).path("sql").asText())
                .isEqualTo("COMMENT ON POLICY \"own\"\"rows\" ON \"Inverse Case\".\"a\"\"b\" IS NULL");
    }

    @Test
    void an_index_a_constraint_needs_has_no_inverse_and_an_unknown_one_is_refused_naming_the_field() {
        JsonNode key = api.propose("alice", """
                {"kind": "drop-index", "index": {"schema": "Inverse Case", "name": "a\\"b_pkey"}, "cascade": true}""");
        assertThat(key.path("plan").path("inverse")).isEmpty();
        assertThat(key.path("plan").path("inverseNote").asText())
                .startsWith("constraint a\"b_pkey on table \"Inverse Case\".\"a\"\"b\" needs the index");

        Response unknown = api.post("alice", "/api/changes", """
                {"spec": {"kind": "drop-index", "index": {"schema": "Inverse Case", "name": "no such index"}}}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("field").asText()).isEqualTo("spec.index");
        Response column = api.post("alice", "/api/changes", """
                {"spec": {"kind": "comment-on", "target": "COLUMN", "object": {"schema": "Inverse Case", "name": "a\\"b"},
                 "name": "no such column", "comment": "x"}}""");
        assertThat(column.status()).isEqualTo(400);
        assertThat(column.body().path("field").asText()).isEqualTo("spec.name");
    }

    /** The recorded inverse, run by the executor as a change of its own (dry-run first, as a proposal is). */
    private void runInverse(Plan plan, String changeId) {
        PlanBuilder undo = PlanBuilder.summarised("undo");
        for (Statement statement : plan.inverse()) {
            if (statement.transactional()) {
                undo.statement(statement.sql());
            } else {
                undo.statementOutsideTransaction(statement.sql(), statement.outside());
            }
        }
        plan.effects().forEach(undo::changes);
        Plan inverse = undo.build();
        DryRunOutcome dryRun = targets.runner(TargetId.DEFAULT).dryRun(inverse);
        assertThat(dryRun.passed()).as(String.valueOf(dryRun.error())).isTrue();
        PlanRunner.ApplyOutcome outcome = targets.runner(TargetId.DEFAULT).apply(ChangeId.of(changeId), 1, inverse);
        assertThat(outcome.result()).as(String.valueOf(outcome.error())).isEqualTo(PlanRunner.ApplyResult.APPLIED);
    }

    private static String text(String sql, String parameter) throws SQLException {
        try (Connection connection = STACK.target(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
