package dev.planetary.kernel.spec.privilege;


import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.GRANTEE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.statements;
import static dev.planetary.kernel.spec.privilege.PrivilegeAction.GRANT;
import static dev.planetary.kernel.spec.privilege.PrivilegeAction.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

class FunctionPrivilegeSpecTest {

    /** A function in the hostile schema whose own name needs quoting too. */
    private static final QualifiedName FUNCTION = QualifiedName.of("Mixed Case", "a\"b");
    private static final List<TypeName> ARGS = List.of(
            TypeName.of("integer"), TypeName.of("character varying(20)"), TypeName.of("text[]"));
    private static final ObjectRef FUNCTION_REF = new ObjectRef(ObjectKind.FUNCTION, "Mixed Case.a\"b");
    private static final ObjectRef ROLE_REF = new ObjectRef(ObjectKind.ROLE, "x\"; DROP TABLE t; --");

    @Nested
    class Grant {

        @Test
        void grantExecuteToRole() {
            Plan plan = new FunctionPrivilegeSpec(GRANT, FUNCTION, ARGS, GRANTEE, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT EXECUTE ON FUNCTION "Mixed Case"."a""b"(integer, character varying(20), text[]) TO "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE EXECUTE ON FUNCTION "Mixed Case"."a""b"(integer, character varying(20), text[]) FROM "x""; DROP TABLE t; --\"""");
            assertThat(plan.summary()).isEqualTo(
                    "Grant EXECUTE on function Mixed Case.a\"b(integer, character varying(20), text[]) to x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
            assertThat(plan.findings()).isEmpty();
            assertThat(plan.touches()).containsExactly(FUNCTION_REF, ROLE_REF);
        }

        @Test
        void functionWithoutArgumentsGetsEmptyParentheses() {
            FunctionPrivilegeSpec spec = new FunctionPrivilegeSpec(GRANT, FUNCTION, null, Grantee.PUBLIC, false);
            Plan plan = spec.plan();

            assertThat(spec.argumentTypes()).isEmpty();
            assertThat(statements(plan)).containsExactly("""
                    GRANT EXECUTE ON FUNCTION "Mixed Case"."a""b"() TO PUBLIC""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE EXECUTE ON FUNCTION "Mixed Case"."a""b"() FROM PUBLIC""");
            assertThat(rules(plan)).containsExactly("grant-to-public");
            assertThat(plan.touches()).containsExactly(FUNCTION_REF);
        }

        @Test
        void withGrantOption() {
            Plan plan = new FunctionPrivilegeSpec(GRANT, FUNCTION, List.of(TypeName.of("app.money")), GRANTEE, true).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT EXECUTE ON FUNCTION "Mixed Case"."a""b"(app.money) TO "x""; DROP TABLE t; --" WITH GRANT OPTION""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE EXECUTE ON FUNCTION "Mixed Case"."a""b"(app.money) FROM "x""; DROP TABLE t; --\"""");
            assertThat(rules(plan)).containsExactly("grant-option");
        }
    }

    @Nested
    class Revoke {

        @Test
        void revokeFromRoleNotesThatPublicMayStillExecute() {
            Plan plan = new FunctionPrivilegeSpec(REVOKE, FUNCTION, ARGS, GRANTEE, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE EXECUTE ON FUNCTION "Mixed Case"."a""b"(integer, character varying(20), text[]) FROM "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT EXECUTE ON FUNCTION "Mixed Case"."a""b"(integer, character varying(20), text[]) TO "x""; DROP TABLE t; --\"""");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.riskReasons()).containsExactly("revokes privileges: clients relying on them start failing");
            assertThat(rules(plan)).containsExactly("public-execute");
            assertThat(finding(plan, "public-execute").severity()).isEqualTo(LintFinding.Severity.INFO);
        }

        @Test
        void revokeFromPublic() {
            Plan plan = new FunctionPrivilegeSpec(REVOKE, FUNCTION, List.of(), Grantee.PUBLIC, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE EXECUTE ON FUNCTION "Mixed Case"."a""b"() FROM PUBLIC""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT EXECUTE ON FUNCTION "Mixed Case"."a""b"() TO PUBLIC""");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.findings()).isEmpty();
        }

        @Test
        void revokeGrantOptionFor() {
            Plan plan = new FunctionPrivilegeSpec(REVOKE, FUNCTION, List.of(TypeName.of("integer")), GRANTEE, true).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE GRANT OPTION FOR EXECUTE ON FUNCTION "Mixed Case"."a""b"(integer) FROM "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT EXECUTE ON FUNCTION "Mixed Case"."a""b"(integer) TO "x""; DROP TABLE t; --" WITH GRANT OPTION""");
            assertThat(plan.summary()).isEqualTo(
                    "Revoke grant option for EXECUTE on function Mixed Case.a\"b(integer) from x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        }
    }

    @Nested
    class Validation {

        @Test
        void actionIsRequired() {
            assertViolation("action", () -> new FunctionPrivilegeSpec(null, FUNCTION, ARGS, GRANTEE, false));
        }

        @Test
        void functionIsRequired() {
            assertViolation("function", () -> new FunctionPrivilegeSpec(GRANT, null, ARGS, GRANTEE, false));
        }

        @Test
        void granteeIsRequired() {
            assertViolation("grantee", () -> new FunctionPrivilegeSpec(GRANT, FUNCTION, ARGS, null, false));
        }
    }

    @Test
    void kind() {
        assertThat(new FunctionPrivilegeSpec(GRANT, FUNCTION, ARGS, GRANTEE, false).kind())
                .isEqualTo("function-privilege");
    }
}
