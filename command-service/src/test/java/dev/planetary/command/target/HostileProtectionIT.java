package dev.planetary.command.target;

import dev.planetary.command.target.PlanRunner.ApplyOutcome;
import dev.planetary.command.target.PlanRunner.ApplyResult;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.protect.AccessView;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.protect.ProtectTableSpec;
import dev.planetary.kernel.spec.view.Redaction;
import dev.planetary.kernel.spec.protect.RowPolicy;
import dev.planetary.kernel.spec.TableFacts;
import dev.planetary.kernel.spec.TableFacts.FactColumn;
import dev.planetary.kernel.spec.TableFacts.FactGrant;
import dev.planetary.kernel.spec.TableFacts.FactPolicy;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.view.ViewColumn;
import dev.planetary.kernel.spec.protect.ViewWrite;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.embedded.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protection plan with hostile names (the shape of shared-kernel's golden file) run on real
 * PostgreSQL: it applies in one transaction, and its inverse leaves the catalog exactly as before
 * (grants, policies, row security, no leftover objects).
 */
class HostileProtectionIT {

    private static final QualifiedName TABLE = QualifiedName.of("Mixed Case", "a\"b");
    private static final Identifier OWNER = Identifier.of("own\"er");
    private static final Grantee READER = Grantee.of("app reader");
    private static final Grantee HOSTILE = Grantee.of("x\"; DROP TABLE t; --");
    private static TestTarget target;
    private static PostgresServer server;
    private static String database;
    private static PlanRunner runner;

    @BeforeAll
    static void createTarget() {
        List<String> setup = new ArrayList<>();
        for (String role : List.of("own\"er", "app reader", "x\"; DROP TABLE t; --", "some one")) {
            String quoted = Identifier.of(role).quoted();
            setup.add("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role.replace("'", "''")
                    + "') THEN CREATE ROLE " + quoted + "; END IF; END $$");
        }
        setup.addAll(List.of(
                "CREATE SCHEMA \"Mixed Case\"",
                "GRANT USAGE ON SCHEMA \"Mixed Case\" TO \"app reader\"",
                """
                CREATE TABLE "Mixed Case"."a""b" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "tenant id" text,
                    "e""mail" text, card character varying(19), amount numeric(12,2) DEFAULT 0, note text)""",
                "ALTER TABLE \"Mixed Case\".\"a\"\"b\" OWNER TO \"own\"\"er\"",
                "CREATE FUNCTION \"Mixed Case\".scramble(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT reverse($1) $$",
                "GRANT SELECT ON \"Mixed Case\".\"a\"\"b\" TO PUBLIC",
                "GRANT SELECT, UPDATE ON \"Mixed Case\".\"a\"\"b\" TO \"x\"\"; DROP TABLE t; --\" WITH GRANT OPTION",
                "GRANT SELECT (\"e\"\"mail\") ON \"Mixed Case\".\"a\"\"b\" TO \"app reader\"",
                "CREATE POLICY \"old\"\"rule\" ON \"Mixed Case\".\"a\"\"b\" FOR SELECT TO \"app reader\" USING (note IS NOT NULL)",
                "CREATE VIEW \"Mixed Case\".report AS SELECT id FROM \"Mixed Case\".\"a\"\"b\"",
                "ALTER VIEW \"Mixed Case\".report OWNER TO \"some one\""));
        target = TestTarget.create("hostile_protection", Duration.ofMillis(500), setup.toArray(String[]::new));
        server = target.server();
        database = target.database();
        runner = target.runner();
    }

    @AfterAll
    static void close() {
        target.close();
    }

    @Test
    void theHostilePlanAppliesAndItsInverseRestoresTheCatalog() throws Exception {
        String before = catalogState();
        Plan plan = protection().plan();

        DryRunOutcome dryRun = runner.dryRun(plan);
        assertThat(dryRun.passed()).as(String.valueOf(dryRun.error())).isTrue();
        assertThat(catalogState()).as("the dry-run is rolled back").isEqualTo(before);

        ApplyOutcome applied = runner.apply(ChangeId.of("hostile-protect"), 1, plan);
        assertThat(applied.result()).as(String.valueOf(applied.error())).isEqualTo(ApplyResult.APPLIED);
        String protectedState = catalogState();
        assertThat(protectedState).contains("a\"b_v", "a\"b_redacted", "tenant\"isolation", "rls=true/true")
                .doesNotContain("old\"rule");

        PlanBuilder undo = PlanBuilder.summarised("undo");
        plan.inverse().forEach(s -> undo.statement(s.sql()));
        // the undo changes the same parts of the catalog back (as UnprotectTableSpec declares)
        plan.effects().forEach(undo::changes);
        ApplyOutcome undone = runner.apply(ChangeId.of("hostile-unprotect"), 1, undo.build());
        assertThat(undone.result()).as(String.valueOf(undone.error())).isEqualTo(ApplyResult.APPLIED);
        assertThat(catalogState()).isEqualTo(before);
    }

    private static ProtectTableSpec protection() {
        SqlFragment tenant = SqlFragment.of("\"tenant id\" = current_setting('app.tenant_id', true)");
        TableFacts facts = new TableFacts(OWNER, false, false, false,
                List.of(new FactColumn(Identifier.of("id"), "bigint", true, null),
                        new FactColumn(Identifier.of("tenant id"), "text", false, null),
                        new FactColumn(Identifier.of("e\"mail"), "text", false, null),
                        new FactColumn(Identifier.of("card"), "character varying(19)", false, null),
                        new FactColumn(Identifier.of("amount"), "numeric(12,2)", false, SqlFragment.of("0")),
                        new FactColumn(Identifier.of("note"), "text", false, null)),
                List.of(Identifier.of("id")),
                List.of(new FactGrant(Grantee.PUBLIC, "SELECT", null, false),
                        new FactGrant(HOSTILE, "SELECT", null, true),
                        new FactGrant(HOSTILE, "UPDATE", null, true),
                        new FactGrant(READER, "SELECT", Identifier.of("e\"mail"), false)),
                List.of(new FactPolicy(Identifier.of("old\"rule"), PolicyCommand.SELECT, PolicyMode.PERMISSIVE,
                        List.of(READER), SqlFragment.of("note IS NOT NULL"), null)),
                List.of(new TableFacts.DependentView(QualifiedName.of("Mixed Case", "report"), Identifier.of("some one"))),
                List.of(READER));
        AccessView full = new AccessView(Identifier.of("a\"b_v"),
                List.of(ViewColumn.plain("id"), ViewColumn.plain("tenant id"), ViewColumn.plain("e\"mail"), ViewColumn.plain("amount")),
                List.of(HOSTILE), List.of(ViewWrite.of(TriggerEvent.INSERT), ViewWrite.of(TriggerEvent.UPDATE),
                ViewWrite.of(TriggerEvent.DELETE)));
        AccessView redacted = new AccessView(Identifier.of("a\"b_redacted"),
                List.of(ViewColumn.plain("id"), ViewColumn.redacted("e\"mail", Redaction.MASK_EMAIL),
                        ViewColumn.redacted("card", Redaction.MASK_PAN), ViewColumn.redacted("note", Redaction.NULLIFY),
                        new ViewColumn(Identifier.of("tenant id"), Redaction.FUNCTION, QualifiedName.of("Mixed Case", "scramble"))),
                List.of(READER, HOSTILE), List.of());
        return new ProtectTableSpec(TABLE, List.of(full, redacted),
                List.of(new RowPolicy(Identifier.of("tenant\"isolation"), PolicyCommand.ALL, PolicyMode.PERMISSIVE, tenant, tenant)),
                facts);
    }

    /** Grants, policies, row security and the objects in the schema, as one comparable text. */
    private static String catalogState() throws Exception {
        try (Connection connection = server.connect(database); Statement sql = connection.createStatement()) {
            StringBuilder state = new StringBuilder();
            append(sql, state, "SELECT 'acl=' || coalesce(relacl::text, '') || ' rls=' || relrowsecurity || '/' || relforcerowsecurity"
                    + " FROM pg_class WHERE oid = '\"Mixed Case\".\"a\"\"b\"'::regclass");
            append(sql, state, "SELECT attname || ':' || coalesce(attacl::text, '') FROM pg_attribute"
                    + " WHERE attrelid = '\"Mixed Case\".\"a\"\"b\"'::regclass AND attnum > 0 ORDER BY attnum");
            append(sql, state, "SELECT policyname || ' ' || cmd || ' ' || roles::text || ' ' || coalesce(qual, '')"
                    + " FROM pg_policies WHERE schemaname = 'Mixed Case' ORDER BY policyname");
            append(sql, state, "SELECT relname || '/' || relkind::text FROM pg_class WHERE relnamespace = '\"Mixed Case\"'::regnamespace"
                    + " ORDER BY relname");
            append(sql, state, "SELECT proname FROM pg_proc WHERE pronamespace = '\"Mixed Case\"'::regnamespace ORDER BY proname");
            append(sql, state, "SELECT coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = 'Mixed Case'");
            return state.toString();
        }
    }

    private static void append(Statement sql, StringBuilder state, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                state.append(rows.getString(1)).append('\n');
            }
        }
    }
}
