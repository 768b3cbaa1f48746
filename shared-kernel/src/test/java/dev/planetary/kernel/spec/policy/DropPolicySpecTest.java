package dev.planetary.kernel.spec.policy;


import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Identifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.planetary.kernel.spec.Hostile.ROLE;
import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class DropPolicySpecTest {

    @Test
    void dropPolicy() {
        Plan plan = new DropPolicySpec(TABLE, Identifier.of("own\"rows")).plan();

        assertThat(statements(plan)).containsExactly("""
                DROP POLICY "own""rows" ON "Mixed Case"."a""b\"""");
        assertThat(plan.summary()).isEqualTo("Drop policy own\"rows on Mixed Case.a\"b");
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.riskReasons()).containsExactly(
                "drops a policy: rows it allowed become invisible, or rows it restricted become visible");
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.touches()).containsExactly(
                new ObjectRef(ObjectKind.TABLE, "Mixed Case.a\"b"),
                new ObjectRef(ObjectKind.POLICY, "Mixed Case.a\"b.own\"rows"));
    }

    @Test
    void hasNoInverseAndSaysWhy() {
        Plan plan = new DropPolicySpec(TABLE, Identifier.of("own\"rows")).plan();

        assertThat(plan.inverse()).isEmpty();
        assertThat(plan.hasInverse()).isFalse();
        assertThat(plan.inverseNote()).isEqualTo("the policy's definition is not part of this change");
    }

    @Test
    void policyNamedLikeAnInjectionIsOneIdentifier() {
        Plan plan = new DropPolicySpec(TABLE, ROLE).plan();

        assertThat(statements(plan)).containsExactly("""
                DROP POLICY "x""; DROP TABLE t; --" ON "Mixed Case"."a""b\"""");
    }

    @Nested
    class Validation {

        @Test
        void tableIsRequired() {
            assertViolation("table", () -> new DropPolicySpec(null, Identifier.of("p")));
        }

        @Test
        void nameIsRequired() {
            assertViolation("name", () -> new DropPolicySpec(TABLE, null));
        }
    }

    @Test
    void kind() {
        assertThat(new DropPolicySpec(TABLE, Identifier.of("p")).kind()).isEqualTo("drop-policy");
    }
}
