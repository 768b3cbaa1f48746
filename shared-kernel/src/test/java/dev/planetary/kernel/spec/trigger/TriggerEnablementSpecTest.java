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
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class TriggerEnablementSpecTest {

    private static final Identifier NAME = Identifier.of("audit\"trg");

    @Test
    void enable() {
        Plan plan = new TriggerEnablementSpec(TABLE, NAME, true).plan();

        assertThat(statements(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" ENABLE TRIGGER "audit""trg\"""");
        assertThat(inverse(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" DISABLE TRIGGER "audit""trg\"""");
        assertThat(plan.summary()).isEqualTo("Enable trigger audit\"trg on Mixed Case.a\"b");
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        assertThat(plan.riskReasons()).isEmpty();
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.touches()).containsExactly(
                new ObjectRef(ObjectKind.TABLE, "Mixed Case.a\"b"),
                new ObjectRef(ObjectKind.TRIGGER, "Mixed Case.a\"b.audit\"trg"));
    }

    @Test
    void disable() {
        Plan plan = new TriggerEnablementSpec(TABLE, NAME, false).plan();

        assertThat(statements(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" DISABLE TRIGGER "audit""trg\"""");
        assertThat(inverse(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" ENABLE TRIGGER "audit""trg\"""");
        assertThat(plan.summary()).isEqualTo("Disable trigger audit\"trg on Mixed Case.a\"b");
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.riskReasons()).containsExactly("disables a trigger: the validation or bookkeeping it does stops");
        assertThat(plan.findings()).isEmpty();
    }

    @Test
    void triggerNamedLikeAnInjectionIsOneIdentifier() {
        Plan plan = new TriggerEnablementSpec(TABLE, ROLE, false).plan();

        assertThat(statements(plan)).containsExactly("""
                ALTER TABLE "Mixed Case"."a""b" DISABLE TRIGGER "x""; DROP TABLE t; --\"""");
    }

    @Nested
    class Validation {

        @Test
        void tableIsRequired() {
            assertViolation("table", () -> new TriggerEnablementSpec(null, NAME, true));
        }

        @Test
        void nameIsRequired() {
            assertViolation("name", () -> new TriggerEnablementSpec(TABLE, null, true));
        }
    }

    @Test
    void kind() {
        assertThat(new TriggerEnablementSpec(TABLE, NAME, true).kind()).isEqualTo("trigger-enablement");
    }
}
