package dev.planetary.kernel.spec.policy;


import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.GRANTEE;
import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.sql;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class CreatePolicySpecTest {

    private static final Identifier NAME = Identifier.of("own\"rows");
    private static final String TENANT = "tenant_id = current_setting('app.tenant_id', true)::uuid";

    @Nested
    class Rendering {

        @Test
        void defaultsArePermissiveForAll() {
            CreatePolicySpec spec = new CreatePolicySpec(TABLE, NAME, null, null, List.of(GRANTEE), sql(TENANT), sql(TENANT));
            Plan plan = spec.plan();

            assertThat(spec.mode()).isEqualTo(PolicyMode.PERMISSIVE);
            assertThat(spec.command()).isEqualTo(PolicyCommand.ALL);
            assertThat(statements(plan)).containsExactly("""
                    CREATE POLICY "own""rows" ON "Mixed Case"."a""b" AS PERMISSIVE FOR ALL TO "x""; DROP TABLE t; --" \
                    USING (tenant_id = current_setting('app.tenant_id', true)::uuid) \
                    WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::uuid)""");
            assertThat(inverse(plan)).containsExactly("""
                    DROP POLICY "own""rows" ON "Mixed Case"."a""b\"""");
            assertThat(plan.summary()).isEqualTo(
                    "Create permissive policy own\"rows on Mixed Case.a\"b for ALL to x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
            assertThat(plan.riskReasons()).isEmpty();
            assertThat(rules(plan)).containsExactly("policy-needs-rls");
            assertThat(finding(plan, "policy-needs-rls").severity()).isEqualTo(LintFinding.Severity.INFO);
            assertThat(plan.touches()).containsExactly(
                    new ObjectRef(ObjectKind.TABLE, "Mixed Case.a\"b"),
                    new ObjectRef(ObjectKind.POLICY, "Mixed Case.a\"b.own\"rows"));
            assertThat(plan.hasInverse()).isTrue();
        }

        @Test
        void restrictiveSelectForPublicAndARole() {
            CreatePolicySpec spec = new CreatePolicySpec(TABLE, NAME, PolicyMode.RESTRICTIVE, PolicyCommand.SELECT,
                    List.of(Grantee.PUBLIC, GRANTEE, GRANTEE), sql("note <> ';)'"), null);
            Plan plan = spec.plan();

            assertThat(spec.roles()).containsExactly(Grantee.PUBLIC, GRANTEE);
            assertThat(statements(plan)).containsExactly("""
                    CREATE POLICY "own""rows" ON "Mixed Case"."a""b" AS RESTRICTIVE FOR SELECT \
                    TO PUBLIC, "x""; DROP TABLE t; --" USING (note <> ';)')""");
            assertThat(inverse(plan)).containsExactly("""
                    DROP POLICY "own""rows" ON "Mixed Case"."a""b\"""");
            assertThat(plan.summary()).isEqualTo(
                    "Create restrictive policy own\"rows on Mixed Case.a\"b for SELECT to PUBLIC, x\"; DROP TABLE t; --");
            assertThat(rules(plan)).containsExactly("restrictive-needs-permissive", "policy-for-public", "policy-needs-rls");
        }

        @Test
        void insertWithCheckOnlyAndNoRolesMeansPublic() {
            CreatePolicySpec spec = new CreatePolicySpec(TABLE, NAME, PolicyMode.PERMISSIVE, PolicyCommand.INSERT,
                    null, null, sql("owner = current_user"));
            Plan plan = spec.plan();

            assertThat(spec.roles()).isEmpty();
            assertThat(statements(plan)).containsExactly("""
                    CREATE POLICY "own""rows" ON "Mixed Case"."a""b" AS PERMISSIVE FOR INSERT WITH CHECK (owner = current_user)""");
            assertThat(plan.summary()).isEqualTo("Create permissive policy own\"rows on Mixed Case.a\"b for INSERT to PUBLIC");
            assertThat(rules(plan)).containsExactly("policy-for-public", "policy-needs-rls");
        }

        @Test
        void updateWithBothExpressions() {
            Plan plan = new CreatePolicySpec(TABLE, NAME, PolicyMode.PERMISSIVE, PolicyCommand.UPDATE,
                    List.of(GRANTEE), sql("owner = current_user"), sql(TENANT)).plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE POLICY "own""rows" ON "Mixed Case"."a""b" AS PERMISSIVE FOR UPDATE TO "x""; DROP TABLE t; --" \
                    USING (owner = current_user) \
                    WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::uuid)""");
        }

        @Test
        void deleteWithUsing() {
            Plan plan = new CreatePolicySpec(TABLE, NAME, PolicyMode.RESTRICTIVE, PolicyCommand.DELETE,
                    List.of(GRANTEE), sql("\"we;ird)\" = $$;)$$"), null).plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE POLICY "own""rows" ON "Mixed Case"."a""b" AS RESTRICTIVE FOR DELETE TO "x""; DROP TABLE t; --" \
                    USING ("we;ird)" = $$;)$$)""");
            assertThat(rules(plan)).containsExactly("restrictive-needs-permissive", "policy-needs-rls");
        }

        @Test
        void trailingLineCommentPutsTheClosingParenthesisOnItsOwnLine() {
            Plan plan = new CreatePolicySpec(TABLE, NAME, null, null, List.of(GRANTEE),
                    sql("tenant_id = $1 -- the tenant"), sql("tenant_id = $1")).plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE POLICY "own""rows" ON "Mixed Case"."a""b" AS PERMISSIVE FOR ALL TO "x""; DROP TABLE t; --" \
                    USING (tenant_id = $1 -- the tenant
                    ) WITH CHECK (tenant_id = $1)""");
        }

        @Test
        void alwaysTrueExpressionsAreFlagged() {
            Plan plan = new CreatePolicySpec(TABLE, NAME, null, null, List.of(GRANTEE), sql("true"), sql("( TRUE )")).plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE POLICY "own""rows" ON "Mixed Case"."a""b" AS PERMISSIVE FOR ALL TO "x""; DROP TABLE t; --" \
                    USING (true) WITH CHECK (( TRUE ))""");
            assertThat(rules(plan)).containsExactly("policy-always-true", "policy-always-true", "policy-needs-rls");
            assertThat(plan.findings()).filteredOn(f -> f.rule().equals("policy-always-true"))
                    .extracting(LintFinding::severity).containsOnly(LintFinding.Severity.WARNING);
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        }

        @Test
        void expressionThatOnlyContainsTrueIsNotAlwaysTrue() {
            Plan plan = new CreatePolicySpec(TABLE, NAME, null, PolicyCommand.SELECT, List.of(GRANTEE),
                    sql("is_public = true"), null).plan();

            assertThat(rules(plan)).doesNotContain("policy-always-true");
        }
    }

    @Nested
    class Validation {

        @Test
        void tableIsRequired() {
            assertViolation("table", () -> new CreatePolicySpec(null, NAME, null, null, null, sql(TENANT), null));
        }

        @Test
        void nameIsRequired() {
            assertViolation("name", () -> new CreatePolicySpec(TABLE, null, null, null, null, sql(TENANT), null));
        }

        @ParameterizedTest
        @EnumSource(value = PolicyCommand.class, names = {"ALL", "SELECT", "UPDATE", "DELETE"})
        void anExpressionIsRequiredAndUsingIsBlamed(PolicyCommand command) {
            assertViolation("using", () -> new CreatePolicySpec(TABLE, NAME, null, command, null, null, null));
        }

        @Test
        void anExpressionIsRequiredAndWithCheckIsBlamedForInsert() {
            assertViolation("withCheck", () -> new CreatePolicySpec(TABLE, NAME, null, PolicyCommand.INSERT, null, null, null));
        }

        @Test
        void defaultCommandAlsoNeedsAnExpression() {
            assertViolation("using", () -> new CreatePolicySpec(TABLE, NAME, null, null, null, null, null));
        }

        @Test
        void insertTakesNoUsing() {
            assertViolation("using", () -> new CreatePolicySpec(TABLE, NAME, null, PolicyCommand.INSERT, null,
                    sql(TENANT), sql(TENANT)));
        }

        @Test
        void selectTakesNoWithCheck() {
            assertViolation("withCheck", () -> new CreatePolicySpec(TABLE, NAME, null, PolicyCommand.SELECT, null,
                    sql(TENANT), sql(TENANT)));
        }

        @Test
        void deleteTakesNoWithCheck() {
            assertViolation("withCheck", () -> new CreatePolicySpec(TABLE, NAME, null, PolicyCommand.DELETE, null,
                    null, sql(TENANT)));
        }

        @Test
        void allAndUpdateTakeEitherExpressionAlone() {
            assertThat(new CreatePolicySpec(TABLE, NAME, null, PolicyCommand.ALL, null, null, sql(TENANT)).withCheck())
                    .isEqualTo(sql(TENANT));
            assertThat(new CreatePolicySpec(TABLE, NAME, null, PolicyCommand.UPDATE, null, sql(TENANT), null).using())
                    .isEqualTo(sql(TENANT));
        }
    }

    @Test
    void kind() {
        assertThat(new CreatePolicySpec(TABLE, NAME, null, null, null, sql(TENANT), null).kind()).isEqualTo("create-policy");
    }
}
