package dev.planetary.kernel.spec.function;


import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class DropFunctionSpecTest {

    private static final QualifiedName NAME = QualifiedName.of("Mixed Case", "tot\"al");
    private static final List<TypeName> ARGS = List.of(TypeName.of("integer"), TypeName.of("character varying(20)"),
            TypeName.of("text[]"));

    @Test
    void dropFunction() {
        Plan plan = new DropFunctionSpec(NAME, ARGS, false).plan();

        assertThat(statements(plan)).containsExactly("""
                DROP FUNCTION "Mixed Case"."tot""al"(integer, character varying(20), text[])""");
        assertThat(plan.summary()).isEqualTo("Drop function Mixed Case.tot\"al(integer, character varying(20), text[])");
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.riskReasons()).containsExactly("drops a function: code that calls it fails from then on");
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.touches()).containsExactly(new ObjectRef(ObjectKind.FUNCTION, "Mixed Case.tot\"al"));
    }

    @Test
    void hasNoInverseAndSaysWhy() {
        Plan plan = new DropFunctionSpec(NAME, ARGS, false).plan();

        assertThat(plan.inverse()).isEmpty();
        assertThat(plan.hasInverse()).isFalse();
        assertThat(plan.inverseNote()).isEqualTo("the function's definition is not part of this change");
    }

    @Test
    void cascadeIsAWarning() {
        Plan plan = new DropFunctionSpec(NAME, List.of(TypeName.of("app.money")), true).plan();

        assertThat(statements(plan)).containsExactly("""
                DROP FUNCTION "Mixed Case"."tot""al"(app.money) CASCADE""");
        assertThat(plan.summary()).isEqualTo("Drop function Mixed Case.tot\"al(app.money) and everything that depends on it");
        assertThat(rules(plan)).containsExactly("drop-cascade");
        assertThat(finding(plan, "drop-cascade").severity()).isEqualTo(LintFinding.Severity.WARNING);
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void functionWithoutArgumentsGetsEmptyParentheses() {
        DropFunctionSpec spec = new DropFunctionSpec(NAME, null, false);

        assertThat(spec.argumentTypes()).isEmpty();
        assertThat(statements(spec.plan())).containsExactly("""
                DROP FUNCTION "Mixed Case"."tot""al"()""");
    }

    @Test
    void functionNamedLikeAnInjectionIsOneIdentifier() {
        Plan plan = new DropFunctionSpec(QualifiedName.of("app", "x\"; DROP TABLE t; --"), List.of(), false).plan();

        assertThat(statements(plan)).containsExactly("""
                DROP FUNCTION "app"."x""; DROP TABLE t; --"()""");
    }

    @Nested
    class Validation {

        @Test
        void nameIsRequired() {
            assertViolation("name", () -> new DropFunctionSpec(null, ARGS, false));
        }

        @Test
        void argumentTypesCannotContainAnEmptyEntry() {
            assertViolation("argumentTypes", () -> new DropFunctionSpec(NAME, Arrays.asList(TypeName.of("integer"), null), false));
        }
    }

    @Test
    void kind() {
        assertThat(new DropFunctionSpec(NAME, ARGS, false).kind()).isEqualTo("drop-function");
    }
}
