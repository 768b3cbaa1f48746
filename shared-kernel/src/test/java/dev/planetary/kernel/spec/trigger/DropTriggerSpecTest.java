package dev.planetary.kernel.spec.trigger;


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

class DropTriggerSpecTest {

    @Test
    void dropTrigger() {
        Plan plan = new DropTriggerSpec(TABLE, Identifier.of("audit\"trg")).plan();

        assertThat(statements(plan)).containsExactly("""
                DROP TRIGGER "audit""trg" ON "Mixed Case"."a""b\"""");
        assertThat(plan.summary()).isEqualTo("Drop trigger audit\"trg on Mixed Case.a\"b");
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.riskReasons()).containsExactly("drops a trigger: the validation or bookkeeping it does stops");
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.touches()).containsExactly(
                new ObjectRef(ObjectKind.TABLE, "Mixed Case.a\"b"),
                new ObjectRef(ObjectKind.TRIGGER, "Mixed Case.a\"b.audit\"trg"));
    }

    @Test
    void hasNoInverseAndSaysWhy() {
        Plan plan = new DropTriggerSpec(TABLE, Identifier.of("audit\"trg")).plan();

        assertThat(plan.inverse()).isEmpty();
        assertThat(plan.hasInverse()).isFalse();
        assertThat(plan.inverseNote()).isEqualTo("the trigger's definition is not part of this change");
    }

    @Test
    void triggerNamedLikeAnInjectionIsOneIdentifier() {
        Plan plan = new DropTriggerSpec(TABLE, ROLE).plan();

        assertThat(statements(plan)).containsExactly("""
                DROP TRIGGER "x""; DROP TABLE t; --" ON "Mixed Case"."a""b\"""");
    }

    @Nested
    class Validation {

        @Test
        void tableIsRequired() {
            assertViolation("table", () -> new DropTriggerSpec(null, Identifier.of("t")));
        }

        @Test
        void nameIsRequired() {
            assertViolation("name", () -> new DropTriggerSpec(TABLE, null));
        }
    }

    @Test
    void kind() {
        assertThat(new DropTriggerSpec(TABLE, Identifier.of("t")).kind()).isEqualTo("drop-trigger");
    }
}
