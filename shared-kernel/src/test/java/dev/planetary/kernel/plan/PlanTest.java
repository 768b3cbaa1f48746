package dev.planetary.kernel.plan;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTest {

    private static final QualifiedName TABLE = QualifiedName.of("Mixed Case", "a\"b");

    @Test
    void builderDefaultsToLowRiskWithoutInverseOrFindings() {
        Plan plan = PlanBuilder.summarised("nothing").build();

        assertThat(plan.summary()).isEqualTo("nothing");
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        assertThat(plan.riskReasons()).isEmpty();
        assertThat(plan.statements()).isEmpty();
        assertThat(plan.inverse()).isEmpty();
        assertThat(plan.hasInverse()).isFalse();
        assertThat(plan.inverseNote()).isNull();
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.touches()).isEmpty();
        assertThat(plan.script()).isEmpty();
    }

    @Test
    void statementsKeepTheirOrderAndAreTransactional() {
        Plan plan = PlanBuilder.summarised("two")
                .statement("SELECT 1")
                .statement("SELECT 2")
                .inverse("SELECT 3")
                .build();

        assertThat(plan.statements()).containsExactly(new Statement("SELECT 1", true), new Statement("SELECT 2", true));
        assertThat(plan.inverse()).containsExactly(new Statement("SELECT 3", true));
        assertThat(plan.hasInverse()).isTrue();
    }

    @Test
    void scriptEndsEveryStatementWithASemicolonAndNewline() {
        Plan plan = PlanBuilder.summarised("two")
                .statement("SELECT 1")
                .statement("SELECT 2 -- c\n")
                .inverse("SELECT 3")
                .build();

        assertThat(plan.script()).isEqualTo("SELECT 1;\nSELECT 2 -- c\n;\n");
        assertThat(plan.inverseScript()).isEqualTo("SELECT 3;\n");
    }

    @Test
    void highRiskAccumulatesReasons() {
        Plan plan = PlanBuilder.summarised("risky").highRisk("one").highRisk("two").build();

        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.riskReasons()).containsExactly("one", "two");
    }

    @Test
    void noInverseDropsInverseStatementsAddedBeforeAndKeepsTheNote() {
        Plan plan = PlanBuilder.summarised("x").statement("SELECT 1").inverse("SELECT 2").noInverse("because").build();

        assertThat(plan.inverse()).isEmpty();
        assertThat(plan.hasInverse()).isFalse();
        assertThat(plan.inverseNote()).isEqualTo("because");
    }

    @Test
    void touchesAreDeduplicatedInFirstSeenOrder() {
        Plan plan = PlanBuilder.summarised("x")
                .touches(ObjectRef.table(TABLE))
                .touches(ObjectRef.role(Identifier.of("r")))
                .touches(ObjectRef.table(QualifiedName.of("Mixed Case", "a\"b")))
                .build();

        assertThat(plan.touches()).containsExactly(
                new ObjectRef(ObjectRef.ObjectKind.TABLE, "Mixed Case.a\"b"),
                new ObjectRef(ObjectRef.ObjectKind.ROLE, "r"));
    }

    @Test
    void findingsKeepTheirOrderAndSeverity() {
        Plan plan = PlanBuilder.summarised("x")
                .finding(LintFinding.warning("w", "watch out"))
                .finding(LintFinding.info("i", "note"))
                .build();

        assertThat(plan.findings()).containsExactly(
                new LintFinding("w", LintFinding.Severity.WARNING, "watch out"),
                new LintFinding("i", LintFinding.Severity.INFO, "note"));
    }

    @Test
    void objectRefsNameObjectsForPeople() {
        assertThat(ObjectRef.table(TABLE)).isEqualTo(new ObjectRef(ObjectRef.ObjectKind.TABLE, "Mixed Case.a\"b"));
        assertThat(ObjectRef.schema(Identifier.of("Mixed Case")))
                .isEqualTo(new ObjectRef(ObjectRef.ObjectKind.SCHEMA, "Mixed Case"));
        assertThat(ObjectRef.role(Identifier.of("x\"; DROP TABLE t; --")))
                .isEqualTo(new ObjectRef(ObjectRef.ObjectKind.ROLE, "x\"; DROP TABLE t; --"));
        assertThat(ObjectRef.function(QualifiedName.of("app", "f")))
                .isEqualTo(new ObjectRef(ObjectRef.ObjectKind.FUNCTION, "app.f"));
        assertThat(ObjectRef.policy(TABLE, Identifier.of("p")))
                .isEqualTo(new ObjectRef(ObjectRef.ObjectKind.POLICY, "Mixed Case.a\"b.p"));
        assertThat(ObjectRef.trigger(TABLE, Identifier.of("t")))
                .isEqualTo(new ObjectRef(ObjectRef.ObjectKind.TRIGGER, "Mixed Case.a\"b.t"));
    }

    @Test
    void planCopiesItsListsAndDefaultsOptionalOnesToEmpty() {
        List<Statement> statements = new ArrayList<>(List.of(Statement.of("SELECT 1")));
        Plan plan = new Plan("s", statements, null, null, List.of(), RiskLevel.LOW, null, null, null, false);
        statements.add(Statement.of("SELECT 2"));

        assertThat(plan.statements()).containsExactly(Statement.of("SELECT 1"));
        assertThat(plan.inverse()).isEmpty();
        assertThat(plan.riskReasons()).isEmpty();
        assertThat(plan.findings()).isEmpty();
        assertThatThrownBy(() -> plan.statements().add(Statement.of("SELECT 3")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void summaryRiskAndSqlAreRequired() {
        assertThatNullPointerException().isThrownBy(
                () -> new Plan(null, List.of(), null, null, List.of(), RiskLevel.LOW, null, null, null, false));
        assertThatNullPointerException().isThrownBy(
                () -> new Plan("s", List.of(), null, null, List.of(), null, null, null, null, false));
        assertThatNullPointerException().isThrownBy(() -> Statement.of(null));
    }
}
