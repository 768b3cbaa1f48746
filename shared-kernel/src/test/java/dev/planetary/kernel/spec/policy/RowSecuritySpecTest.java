package dev.planetary.kernel.spec.policy;


import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class RowSecuritySpecTest {

    private static final ObjectRef TABLE_REF = new ObjectRef(ObjectKind.TABLE, "Mixed Case.a\"b");

    @Test
    void enable() {
        Plan plan = new RowSecuritySpec(TABLE, RowSecurityAction.ENABLE).plan();

        assertThat(statements(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" ENABLE ROW LEVEL SECURITY""");
        assertThat(inverse(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" DISABLE ROW LEVEL SECURITY""");
        assertThat(plan.summary()).isEqualTo("Enable row level security on Mixed Case.a\"b");
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        assertThat(plan.riskReasons()).isEmpty();
        assertThat(rules(plan)).containsExactly("rls-default-deny");
        assertThat(finding(plan, "rls-default-deny").severity()).isEqualTo(LintFinding.Severity.INFO);
        assertThat(plan.touches()).containsExactly(TABLE_REF);
    }

    @Test
    void disable() {
        Plan plan = new RowSecuritySpec(TABLE, RowSecurityAction.DISABLE).plan();

        assertThat(statements(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" DISABLE ROW LEVEL SECURITY""");
        assertThat(inverse(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" ENABLE ROW LEVEL SECURITY""");
        assertThat(plan.summary()).isEqualTo("Disable row level security on Mixed Case.a\"b");
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.riskReasons()).containsExactly(
                "disables row-level security: every policy on the table stops applying");
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.touches()).containsExactly(TABLE_REF);
    }

    @Test
    void force() {
        Plan plan = new RowSecuritySpec(TABLE, RowSecurityAction.FORCE).plan();

        assertThat(statements(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" FORCE ROW LEVEL SECURITY""");
        assertThat(inverse(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" NO FORCE ROW LEVEL SECURITY""");
        assertThat(plan.summary()).isEqualTo("Force row level security on Mixed Case.a\"b");
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        assertThat(rules(plan)).containsExactly("rls-force");
    }

    @Test
    void noForce() {
        Plan plan = new RowSecuritySpec(TABLE, RowSecurityAction.NO_FORCE).plan();

        assertThat(statements(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" NO FORCE ROW LEVEL SECURITY""");
        assertThat(inverse(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" FORCE ROW LEVEL SECURITY""");
        assertThat(plan.summary()).isEqualTo("No force row level security on Mixed Case.a\"b");
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.riskReasons()).containsExactly(
                "stops forcing row-level security: the table owner bypasses the policies again");
        assertThat(plan.findings()).isEmpty();
    }

    @Test
    void everyActionIsUndoneByItsOpposite() {
        assertThat(RowSecurityAction.ENABLE.opposite()).isEqualTo(RowSecurityAction.DISABLE);
        assertThat(RowSecurityAction.DISABLE.opposite()).isEqualTo(RowSecurityAction.ENABLE);
        assertThat(RowSecurityAction.FORCE.opposite()).isEqualTo(RowSecurityAction.NO_FORCE);
        assertThat(RowSecurityAction.NO_FORCE.opposite()).isEqualTo(RowSecurityAction.FORCE);
        assertThat(RowSecurityAction.DISABLE.weakens()).isTrue();
        assertThat(RowSecurityAction.NO_FORCE.weakens()).isTrue();
        assertThat(RowSecurityAction.ENABLE.weakens()).isFalse();
        assertThat(RowSecurityAction.FORCE.weakens()).isFalse();
    }

    @Nested
    class Validation {

        @Test
        void tableIsRequired() {
            assertViolation("table", () -> new RowSecuritySpec(null, RowSecurityAction.ENABLE));
        }

        @Test
        void actionIsRequired() {
            assertViolation("action", () -> new RowSecuritySpec(TABLE, null));
        }
    }

    @Test
    void kind() {
        assertThat(new RowSecuritySpec(TABLE, RowSecurityAction.ENABLE).kind()).isEqualTo("row-security");
    }
}
