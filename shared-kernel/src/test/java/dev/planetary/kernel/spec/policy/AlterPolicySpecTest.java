package dev.planetary.kernel.spec.policy;


import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.GRANTEE;
import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.sql;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class AlterPolicySpecTest {

    private static final Identifier NAME = Identifier.of("own\"rows");

    @Nested
    class Rendering {

        @Test
        void rolesOnly() {
            Plan plan = new AlterPolicySpec(TABLE, NAME, List.of(GRANTEE), null, null).plan();

            assertThat(statements(plan)).containsExactly("""
                    ALTER POLICY "own""rows" ON "Mixed Case"."a""b" TO "x""; DROP TABLE t; --\"""");
            assertThat(plan.summary()).isEqualTo("Alter policy own\"rows on Mixed Case.a\"b");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
            assertThat(rules(plan)).containsExactly("policy-replaced");
            assertThat(finding(plan, "policy-replaced").severity()).isEqualTo(LintFinding.Severity.INFO);
            assertThat(plan.touches()).containsExactly(
                    new ObjectRef(ObjectKind.TABLE, "Mixed Case.a\"b"),
                    new ObjectRef(ObjectKind.POLICY, "Mixed Case.a\"b.own\"rows"));
        }

        @Test
        void hasNoInverseAndSaysWhy() {
            Plan plan = new AlterPolicySpec(TABLE, NAME, List.of(GRANTEE), null, null).plan();

            assertThat(plan.inverse()).isEmpty();
            assertThat(plan.hasInverse()).isFalse();
            assertThat(plan.inverseNote()).isEqualTo("the policy's current definition is not part of this change");
            assertThat(plan.inverseScript()).isEmpty();
        }

        @Test
        void expressionsOnly() {
            Plan plan = new AlterPolicySpec(TABLE, NAME, null, sql("note <> ';)'"),
                    sql("tenant_id = current_setting('app.tenant_id', true)::uuid")).plan();

            assertThat(statements(plan)).containsExactly("""
                    ALTER POLICY "own""rows" ON "Mixed Case"."a""b" USING (note <> ';)') \
                    WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::uuid)""");
        }

        @Test
        void withCheckOnly() {
            Plan plan = new AlterPolicySpec(TABLE, NAME, List.of(), null, sql("owner = current_user")).plan();

            assertThat(statements(plan)).containsExactly("""
                    ALTER POLICY "own""rows" ON "Mixed Case"."a""b" WITH CHECK (owner = current_user)""");
        }

        @Test
        void everything() {
            Plan plan = new AlterPolicySpec(TABLE, NAME, List.of(Grantee.of("public"), GRANTEE, Grantee.PUBLIC),
                    sql("owner = current_user -- mine"), sql("owner = current_user")).plan();

            assertThat(statements(plan)).containsExactly("""
                    ALTER POLICY "own""rows" ON "Mixed Case"."a""b" TO PUBLIC, "x""; DROP TABLE t; --" \
                    USING (owner = current_user -- mine
                    ) WITH CHECK (owner = current_user)""");
        }

        @Test
        void alwaysTrueIsFlagged() {
            Plan plan = new AlterPolicySpec(TABLE, NAME, null, sql("TRUE"), null).plan();

            assertThat(statements(plan)).containsExactly("""
                    ALTER POLICY "own""rows" ON "Mixed Case"."a""b" USING (TRUE)""");
            assertThat(rules(plan)).containsExactly("policy-always-true", "policy-replaced");
        }
    }

    @Nested
    class Validation {

        @Test
        void tableIsRequired() {
            assertViolation("table", () -> new AlterPolicySpec(null, NAME, List.of(GRANTEE), null, null));
        }

        @Test
        void nameIsRequired() {
            assertViolation("name", () -> new AlterPolicySpec(TABLE, null, List.of(GRANTEE), null, null));
        }

        @Test
        void somethingMustChange() {
            assertViolation("using", () -> new AlterPolicySpec(TABLE, NAME, null, null, null));
        }

        @Test
        void anEmptyRoleListIsNotAChange() {
            assertViolation("using", () -> new AlterPolicySpec(TABLE, NAME, List.of(), null, null));
        }

        @Test
        void emptyRoleListIsNormalisedToNullAndDuplicatesAreDropped() {
            assertThat(new AlterPolicySpec(TABLE, NAME, List.of(), sql("a = 1"), null).roles()).isNull();
            assertThat(new AlterPolicySpec(TABLE, NAME, List.of(GRANTEE, GRANTEE), null, null).roles())
                    .containsExactly(GRANTEE);
        }
    }

    @Test
    void kind() {
        assertThat(new AlterPolicySpec(TABLE, NAME, List.of(GRANTEE), null, null).kind()).isEqualTo("alter-policy");
    }
}
