package dev.planetary.kernel.spec.trigger;



import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.sql;
import static dev.planetary.kernel.spec.Hostile.statements;
import static dev.planetary.kernel.spec.trigger.TriggerEvent.DELETE;
import static dev.planetary.kernel.spec.trigger.TriggerEvent.INSERT;
import static dev.planetary.kernel.spec.trigger.TriggerEvent.TRUNCATE;
import static dev.planetary.kernel.spec.trigger.TriggerEvent.UPDATE;
import static dev.planetary.kernel.spec.trigger.TriggerLevel.ROW;
import static dev.planetary.kernel.spec.trigger.TriggerLevel.STATEMENT;
import static dev.planetary.kernel.spec.trigger.TriggerTiming.AFTER;
import static dev.planetary.kernel.spec.trigger.TriggerTiming.BEFORE;
import static dev.planetary.kernel.spec.trigger.TriggerTiming.INSTEAD_OF;
import static org.assertj.core.api.Assertions.assertThat;

class CreateTriggerSpecTest {

    private static final Identifier NAME = Identifier.of("audit\"trg");
    private static final QualifiedName FUNCTION = QualifiedName.of("Mixed Case", "log\"it");

    private static CreateTriggerSpec trigger(TriggerTiming timing, List<TriggerEvent> events, List<Identifier> updateColumns,
                                             TriggerLevel level, SqlFragment when, List<String> arguments) {
        return new CreateTriggerSpec(TABLE, NAME, timing, events, updateColumns, level, when, FUNCTION, arguments);
    }

    @Nested
    class Rendering {

        @Test
        void beforeInsertOrUpdateForEachRowWithQuotedArguments() {
            CreateTriggerSpec spec = trigger(BEFORE, List.of(UPDATE, INSERT, UPDATE), null, null, null,
                    List.of("it's", "C:\\path", "x\"; DROP TABLE t; --"));
            Plan plan = spec.plan();

            assertThat(spec.events()).containsExactly(INSERT, UPDATE);
            assertThat(spec.level()).isEqualTo(ROW);
            // In the text block \\ is one backslash: the SQL reads E'C:\\path'.
            assertThat(statements(plan)).containsExactly("""
                    CREATE TRIGGER "audit""trg" BEFORE INSERT OR UPDATE ON "Mixed Case"."a""b" FOR EACH ROW \
                    EXECUTE FUNCTION "Mixed Case"."log""it"(E'it''s', E'C:\\\\path', E'x"; DROP TABLE t; --')""");
            assertThat(inverse(plan)).containsExactly("""
                    DROP TRIGGER "audit""trg" ON "Mixed Case"."a""b\"""");
            assertThat(plan.summary()).isEqualTo(
                    "Create trigger audit\"trg before insert or update on Mixed Case.a\"b for each row, calling Mixed Case.log\"it");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
            assertThat(plan.riskReasons()).isEmpty();
            assertThat(rules(plan)).containsExactly("before-row-trigger");
            assertThat(finding(plan, "before-row-trigger").severity()).isEqualTo(LintFinding.Severity.INFO);
            assertThat(plan.touches()).containsExactly(
                    new ObjectRef(ObjectKind.TABLE, "Mixed Case.a\"b"),
                    new ObjectRef(ObjectKind.TRIGGER, "Mixed Case.a\"b.audit\"trg"),
                    new ObjectRef(ObjectKind.FUNCTION, "Mixed Case.log\"it"));
        }

        @Test
        void argumentWithBackslashBeforeQuoteCannotEndTheLiteral() {
            Plan plan = trigger(AFTER, List.of(INSERT), null, ROW, null, List.of("\\'", "")).plan();

            // SQL: ... "log""it"(E'\\''', E'')
            assertThat(statements(plan)).containsExactly("""
                    CREATE TRIGGER "audit""trg" AFTER INSERT ON "Mixed Case"."a""b" FOR EACH ROW \
                    EXECUTE FUNCTION "Mixed Case"."log""it"(E'\\\\''', E'')""");
        }

        @Test
        void afterUpdateOfColumnsWithWhen() {
            CreateTriggerSpec spec = trigger(AFTER, List.of(UPDATE),
                    List.of(Identifier.of("Col\"1"), Identifier.of("col 2"), Identifier.of("Col\"1")), ROW,
                    sql("OLD.amount IS DISTINCT FROM NEW.amount"), null);
            Plan plan = spec.plan();

            assertThat(spec.updateColumns()).containsExactly(Identifier.of("Col\"1"), Identifier.of("col 2"));
            assertThat(spec.arguments()).isEmpty();
            assertThat(statements(plan)).containsExactly("""
                    CREATE TRIGGER "audit""trg" AFTER UPDATE OF "Col""1", "col 2" ON "Mixed Case"."a""b" FOR EACH ROW \
                    WHEN (OLD.amount IS DISTINCT FROM NEW.amount) EXECUTE FUNCTION "Mixed Case"."log""it"()""");
            assertThat(plan.findings()).isEmpty();
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        }

        @Test
        void updateOfColumnsSitsBetweenTheOtherEvents() {
            Plan plan = trigger(AFTER, List.of(DELETE, UPDATE, INSERT), List.of(Identifier.of("Col\"1")), ROW, null, null)
                    .plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE TRIGGER "audit""trg" AFTER INSERT OR UPDATE OF "Col""1" OR DELETE ON "Mixed Case"."a""b" \
                    FOR EACH ROW EXECUTE FUNCTION "Mixed Case"."log""it"()""");
        }

        @Test
        void insteadOf() {
            Plan plan = trigger(INSTEAD_OF, List.of(DELETE, INSERT, UPDATE), List.of(), ROW, null, List.of()).plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE TRIGGER "audit""trg" INSTEAD OF INSERT OR UPDATE OR DELETE ON "Mixed Case"."a""b" \
                    FOR EACH ROW EXECUTE FUNCTION "Mixed Case"."log""it"()""");
            assertThat(inverse(plan)).containsExactly("""
                    DROP TRIGGER "audit""trg" ON "Mixed Case"."a""b\"""");
            assertThat(plan.summary()).isEqualTo("Create trigger audit\"trg instead of insert or update or delete "
                    + "on Mixed Case.a\"b for each row, calling Mixed Case.log\"it");
            assertThat(plan.findings()).isEmpty();
        }

        @Test
        void statementLevelTruncate() {
            Plan plan = trigger(AFTER, List.of(TRUNCATE), null, STATEMENT, null, null).plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE TRIGGER "audit""trg" AFTER TRUNCATE ON "Mixed Case"."a""b" \
                    FOR EACH STATEMENT EXECUTE FUNCTION "Mixed Case"."log""it"()""");
            assertThat(plan.summary()).isEqualTo(
                    "Create trigger audit\"trg after truncate on Mixed Case.a\"b for each statement, calling Mixed Case.log\"it");
            assertThat(plan.findings()).isEmpty();
        }

        @Test
        void beforeStatementHasNoRowFinding() {
            Plan plan = trigger(BEFORE, List.of(INSERT, DELETE, TRUNCATE), null, STATEMENT, null, List.of("a")).plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE TRIGGER "audit""trg" BEFORE INSERT OR DELETE OR TRUNCATE ON "Mixed Case"."a""b" \
                    FOR EACH STATEMENT EXECUTE FUNCTION "Mixed Case"."log""it"(E'a')""");
            assertThat(rules(plan)).doesNotContain("before-row-trigger");
        }

        @Test
        void whenEndingInALineComment() {
            Plan plan = trigger(BEFORE, List.of(INSERT), null, ROW, sql("NEW.note <> ';)' -- no smileys"), null).plan();

            assertThat(statements(plan)).containsExactly("""
                    CREATE TRIGGER "audit""trg" BEFORE INSERT ON "Mixed Case"."a""b" FOR EACH ROW \
                    WHEN (NEW.note <> ';)' -- no smileys
                    ) EXECUTE FUNCTION "Mixed Case"."log""it"()""");
        }
    }

    @Nested
    class Validation {

        @Test
        void tableIsRequired() {
            assertViolation("table", () -> new CreateTriggerSpec(null, NAME, AFTER, List.of(INSERT), null, null, null,
                    FUNCTION, null));
        }

        @Test
        void nameIsRequired() {
            assertViolation("name", () -> new CreateTriggerSpec(TABLE, null, AFTER, List.of(INSERT), null, null, null,
                    FUNCTION, null));
        }

        @Test
        void timingIsRequired() {
            assertViolation("timing", () -> trigger(null, List.of(INSERT), null, null, null, null));
        }

        @Test
        void functionIsRequired() {
            assertViolation("function", () -> new CreateTriggerSpec(TABLE, NAME, AFTER, List.of(INSERT), null, null, null,
                    null, null));
        }

        @Test
        void atLeastOneEvent() {
            assertViolation("events", () -> trigger(AFTER, null, null, null, null, null));
            assertViolation("events", () -> trigger(AFTER, List.of(), null, null, null, null));
        }

        @Test
        void columnListNeedsUpdate() {
            assertViolation("updateColumns",
                    () -> trigger(AFTER, List.of(INSERT, DELETE), List.of(Identifier.of("c")), ROW, null, null));
        }

        @Test
        void insteadOfMustBeRowLevel() {
            assertViolation("level", () -> trigger(INSTEAD_OF, List.of(INSERT), null, STATEMENT, null, null));
        }

        @Test
        void insteadOfCannotHaveWhen() {
            assertViolation("when", () -> trigger(INSTEAD_OF, List.of(INSERT), null, ROW, sql("NEW.x > 0"), null));
        }

        @Test
        void insteadOfUpdateCannotHaveColumns() {
            assertViolation("updateColumns",
                    () -> trigger(INSTEAD_OF, List.of(UPDATE), List.of(Identifier.of("c")), ROW, null, null));
        }

        @Test
        void insteadOfCannotFireOnTruncate() {
            assertViolation("events", () -> trigger(INSTEAD_OF, List.of(TRUNCATE), null, ROW, null, null));
        }

        @Test
        void truncateMustBeStatementLevel() {
            assertViolation("level", () -> trigger(AFTER, List.of(TRUNCATE), null, ROW, null, null));
            assertViolation("level", () -> trigger(BEFORE, List.of(INSERT, TRUNCATE), null, null, null, null));
        }

        @Test
        void argumentsCannotContainNul() {
            assertViolation("arguments", () -> trigger(AFTER, List.of(INSERT), null, ROW, null, List.of("ok", "a\0b")));
        }

        @Test
        void argumentsCannotBeNull() {
            assertViolation("arguments", () -> trigger(AFTER, List.of(INSERT), null, ROW, null, Arrays.asList("ok", null)));
        }
    }

    @Test
    void kind() {
        assertThat(trigger(AFTER, List.of(INSERT), null, null, null, null).kind()).isEqualTo("create-trigger");
    }
}
