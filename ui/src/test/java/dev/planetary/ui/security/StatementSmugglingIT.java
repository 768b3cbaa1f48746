package dev.planetary.ui.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planetary.command.target.DdlTargets;
import dev.planetary.command.target.PlanRunner;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.GrantingEventTrigger;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement-smuggling attacks, through the REST API on the demo target: each is refused at
 * proposal, or by the catalog guard at dry-run, and the demo schema's ACLs, policies and objects
 * are the same afterwards.
 */
class StatementSmugglingIT extends PlanetaryIT {

    private static final QualifiedName INVOICE = new QualifiedName(Identifier.of("app"), Identifier.of("invoice"));

    @Autowired
    private DdlTargets targets;

    /** ACLs, row security, policies, triggers and functions of the demo schema, and the roles' memberships. */
    private String demoSchema() throws Exception {
        try (Connection connection = STACK.target(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
                       SELECT c.oid::regclass::text || coalesce(c.relacl::text, '') || c.relrowsecurity || c.relforcerowsecurity
                       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app'
                       UNION ALL SELECT polrelid::regclass::text || polname || coalesce(pg_get_expr(polqual, polrelid), '') FROM pg_policy
                       UNION ALL SELECT tgrelid::regclass::text || tgname FROM pg_trigger WHERE NOT tgisinternal
                       UNION ALL SELECT p.oid::regprocedure::text || coalesce(proacl::text, '') FROM pg_proc p
                         JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app'
                       UNION ALL SELECT nspname || coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = 'app'
                       UNION ALL SELECT roleid::regrole::text || member::regrole::text FROM pg_auth_members) s(x)""")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private boolean publicMayReadInvoices() throws Exception {
        return STACK.targetQuery("SELECT has_table_privilege('public', 'app.invoice', 'SELECT')"
                + " OR EXISTS (SELECT FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = 'app.invoice'::regclass AND a.grantee = 0)");
    }

    private long storedEvents() throws Exception {
        return STACK.requestEvents();
    }

    private Response proposePolicy(String name, String using) {
        return api.post("alice", "/api/changes", "{\"spec\":{\"kind\":\"create-policy\",\"table\":{\"schema\":\"app\",\"name\":\"invoice\"},"
                + "\"name\":" + name + ",\"using\":" + using + "}}");
    }

    private static String json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_dollar_quote_with_a_non_ascii_tag_cannot_smuggle_a_grant() throws Exception {
        String schema = demoSchema();
        long events = storedEvents();
        for (String using : new String[]{
                "$a€$'$a€$) ; GRANT ALL ON app.invoice TO PUBLIC; --'",
                "$€$ x $€$ = '' ) ; GRANT ALL ON app.invoice TO PUBLIC; SELECT ( 1",
                "$é$ ' $é$ = '' ) ; GRANT ALL ON app.invoice TO PUBLIC; SELECT ( '"}) {
            Response response = proposePolicy("\"smuggled\"", json(using));
            assertThat(response.status()).as(using).isEqualTo(400);
            assertThat(response.code()).isEqualTo("invalid_spec");
            assertThat(response.body().path("field").asText()).isEqualTo("spec.using");
        }
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(publicMayReadInvoices()).isFalse();
        assertThat(demoSchema()).isEqualTo(schema);
    }

    @Test
    void a_fragment_the_driver_would_split_is_refused_at_proposal_naming_it() throws Exception {
        String schema = demoSchema();
        long events = storedEvents();
        // One E'' literal for PostgreSQL (its continuation keeps the backslash escape); pgjdbc reads the
        // continuation as a new plain literal, and would send "SELECT (1'" as a statement of its own.
        Response response = proposePolicy("\"split\"", json("note = E'a'\n'\\' ) ; SELECT (1'"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asText()).isEqualTo("spec.using");
        assertThat(response.body().path("message").asText()).contains("JDBC driver would not send statement 1 as one statement");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(demoSchema()).isEqualTo(schema);
    }

    @Test
    void a_jdbc_escape_is_refused_so_what_runs_is_what_was_reviewed() throws Exception {
        String schema = demoSchema();
        Response response = proposePolicy("\"escaped\"", json("issued_on < {fn curdate()}"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asText()).isEqualTo("spec.using");
        assertThat(response.body().path("message").asText()).contains("JDBC escapes");
        assertThat(demoSchema()).isEqualTo(schema);
    }

    @Test
    void a_name_with_an_unpaired_surrogate_is_refused_instead_of_becoming_a_question_mark() throws Exception {
        String schema = demoSchema();
        Response policyName = proposePolicy("\"p\\ud800\"", json("true"));
        assertThat(policyName.status()).isEqualTo(400);
        assertThat(policyName.body().path("field").asText()).isEqualTo("spec.name");
        assertThat(policyName.body().path("message").asText()).contains("unpaired UTF-16 surrogate");

        Response tableName = api.post("alice", "/api/changes", """
                {"spec":{"kind":"drop-policy","table":{"schema":"app","name":"invoice\\udc00"},"name":"p"}}""");
        assertThat(tableName.status()).isEqualTo(400);
        assertThat(tableName.body().path("field").asText()).startsWith("spec.table");
        assertThat(STACK.targetQuery("SELECT to_regclass('app.\"?\"') IS NULL")).isTrue();
        assertThat(demoSchema()).isEqualTo(schema);
    }

    @Test
    void the_catalog_guard_refuses_a_plan_that_changes_what_it_does_not_declare() throws Exception {
        String schema = demoSchema();
        var plan = PlanBuilder.summarised("a policy, and a grant nobody declared")
                .statement("CREATE POLICY \"guarded\" ON " + INVOICE.quoted() + " USING (true)")
                .statement("GRANT ALL ON TABLE " + INVOICE.quoted() + " TO PUBLIC")
                .changes(CatalogEffect.policy(INVOICE, Identifier.of("guarded")))
                .build();

        DryRunOutcome outcome = targets.runner(TargetId.DEFAULT).dryRun(plan);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.error().sqlState()).isEqualTo(SqlError.UNDECLARED_CHANGE);
        assertThat(outcome.error().message()).isEqualTo("the plan changed undeclared objects: privileges on \"app\".\"invoice\"");
        assertThat(outcome.changes()).contains(CatalogEffect.relationPrivileges(INVOICE),
                CatalogEffect.policy(INVOICE, Identifier.of("guarded")));
        assertThat(demoSchema()).isEqualTo(schema);
    }

    @Test
    void a_change_whose_dry_run_changes_undeclared_objects_cannot_be_approved() throws Exception {
        // Something outside the plan's text does more than the plan says; the guard sees it, whoever did it.
        GrantingEventTrigger.during(STACK, () -> {
            String before = demoSchema();
            JsonNode proposed = api.propose("alice", """
                    {"kind":"create-policy","table":{"schema":"app","name":"invoice"},"name":"innocent","using":"true"}""");
            assertThat(proposed.path("dryRunStatus").asText()).isEqualTo("FAILED");
            JsonNode error = proposed.path("dryRun").path("error");
            assertThat(error.path("sqlState").asText()).isEqualTo(SqlError.UNDECLARED_CHANGE);
            assertThat(error.path("message").asText()).contains("privileges on \"app\".\"invoice\"");

            Response approval = api.approve("bob", proposed.path("id").asText());
            assertThat(approval.status()).isEqualTo(409);
            assertThat(publicMayReadInvoices()).isFalse();
            assertThat(demoSchema()).isEqualTo(before);
        });
    }

    @Test
    void the_apply_runs_the_same_guard_and_commits_nothing_on_a_difference() throws Exception {
        String schema = demoSchema();
        var plan = PlanBuilder.summarised("a policy, and a grant nobody declared")
                .statement("CREATE POLICY \"guarded_apply\" ON " + INVOICE.quoted() + " USING (true)")
                .statement("GRANT ALL ON TABLE " + INVOICE.quoted() + " TO PUBLIC")
                .changes(CatalogEffect.policy(INVOICE, Identifier.of("guarded_apply")))
                .build();

        PlanRunner.ApplyOutcome outcome = targets.runner(TargetId.DEFAULT).apply(ChangeId.of("guarded-apply"), 1, plan);

        assertThat(outcome.result()).isEqualTo(PlanRunner.ApplyResult.FAILED);
        assertThat(outcome.error().sqlState()).isEqualTo(SqlError.UNDECLARED_CHANGE);
        assertThat(STACK.targetQuery("SELECT NOT EXISTS (SELECT FROM planetary.applied_change WHERE change_id = 'guarded-apply')"))
                .as("no ledger row: the transaction rolled back").isTrue();
        assertThat(publicMayReadInvoices()).isFalse();
        assertThat(demoSchema()).isEqualTo(schema);
    }
}
