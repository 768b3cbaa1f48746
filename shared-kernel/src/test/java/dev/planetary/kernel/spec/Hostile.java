package dev.planetary.kernel.spec;

import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.Statement;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Names chosen to break naive quoting, shared by the golden-string tests, and small readers for
 * plans. Expected SQL in the tests is always written out by hand; nothing here builds SQL.
 *
 * <ul>
 *   <li>schema {@code Mixed Case} renders as {@code "Mixed Case"}</li>
 *   <li>table {@code a"b} renders as {@code "Mixed Case"."a""b"}</li>
 *   <li>role {@code x"; DROP TABLE t; --} renders as {@code "x""; DROP TABLE t; --"}</li>
 * </ul>
 */
public final class Hostile {

    public static final Identifier SCHEMA = Identifier.of("Mixed Case");
    public static final QualifiedName TABLE = QualifiedName.of("Mixed Case", "a\"b");
    public static final Identifier ROLE = Identifier.of("x\"; DROP TABLE t; --");
    public static final Grantee GRANTEE = Grantee.role(ROLE);

    private Hostile() {
    }

    public static List<String> statements(Plan plan) {
        return plan.statements().stream().map(Statement::sql).toList();
    }

    public static List<String> inverse(Plan plan) {
        return plan.inverse().stream().map(Statement::sql).toList();
    }

    public static List<String> rules(Plan plan) {
        return plan.findings().stream().map(LintFinding::rule).toList();
    }

    public static LintFinding finding(Plan plan, String rule) {
        return plan.findings().stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + " in " + plan.findings()));
    }

    public static SqlFragment sql(String expression) {
        return SqlFragment.of(expression);
    }

    /** Asserts that constructing a spec fails with a {@link SpecViolation} naming {@code field}. */
    public static void assertViolation(String field, ThrowingCallable construct) {
        assertThatThrownBy(construct).isInstanceOfSatisfying(SpecViolation.class,
                violation -> assertThat(violation.field()).as("SpecViolation.field()").isEqualTo(field));
    }
}
