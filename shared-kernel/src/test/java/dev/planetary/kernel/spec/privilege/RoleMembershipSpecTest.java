package dev.planetary.kernel.spec.privilege;


import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Identifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.planetary.kernel.spec.Hostile.ROLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.statements;
import static dev.planetary.kernel.spec.privilege.PrivilegeAction.GRANT;
import static dev.planetary.kernel.spec.privilege.PrivilegeAction.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

class RoleMembershipSpecTest {

    /** The member: a role whose name needs quoting, like the schema in the other tests. */
    private static final Identifier MEMBER = Identifier.of("Mixed Case");
    private static final ObjectRef ROLE_REF = new ObjectRef(ObjectKind.ROLE, "x\"; DROP TABLE t; --");
    private static final ObjectRef MEMBER_REF = new ObjectRef(ObjectKind.ROLE, "Mixed Case");

    @Nested
    class Grant {

        @Test
        void grantMembership() {
            Plan plan = new RoleMembershipSpec(GRANT, ROLE, MEMBER, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT "x""; DROP TABLE t; --" TO "Mixed Case\"""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE "x""; DROP TABLE t; --" FROM "Mixed Case\"""");
            assertThat(plan.summary()).isEqualTo("Make Mixed Case a member of x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.riskReasons()).containsExactly(
                    "changes role membership: Mixed Case gains everything x\"; DROP TABLE t; -- may do");
            assertThat(plan.findings()).isEmpty();
            assertThat(plan.touches()).containsExactly(ROLE_REF, MEMBER_REF);
            assertThat(plan.inverseNote()).isNull();
        }

        @Test
        void grantWithAdminOption() {
            Plan plan = new RoleMembershipSpec(GRANT, ROLE, MEMBER, true).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT "x""; DROP TABLE t; --" TO "Mixed Case" WITH ADMIN OPTION""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE "x""; DROP TABLE t; --" FROM "Mixed Case\"""");
            assertThat(plan.summary()).isEqualTo("Make Mixed Case a member of x\"; DROP TABLE t; -- with admin option");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(rules(plan)).containsExactly("admin-option");
            assertThat(finding(plan, "admin-option").severity()).isEqualTo(LintFinding.Severity.WARNING);
        }

        @Test
        void planetaryRoleWarnsThatPlanetaryRightsChange() {
            Plan plan = new RoleMembershipSpec(GRANT, Identifier.of("planetary_approver"), MEMBER, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT "planetary_approver" TO "Mixed Case\"""");
            assertThat(rules(plan)).containsExactly("planetary-right");
        }
    }

    @Nested
    class Revoke {

        @Test
        void revokeMembership() {
            Plan plan = new RoleMembershipSpec(REVOKE, ROLE, MEMBER, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE "x""; DROP TABLE t; --" FROM "Mixed Case\"""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT "x""; DROP TABLE t; --" TO "Mixed Case\"""");
            assertThat(plan.summary()).isEqualTo("Remove Mixed Case from x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.riskReasons()).containsExactly(
                    "changes role membership: Mixed Case loses everything x\"; DROP TABLE t; -- may do");
            assertThat(plan.findings()).isEmpty();
        }

        @Test
        void revokeAdminOptionOnly() {
            Plan plan = new RoleMembershipSpec(REVOKE, ROLE, MEMBER, true).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE ADMIN OPTION FOR "x""; DROP TABLE t; --" FROM "Mixed Case\"""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT "x""; DROP TABLE t; --" TO "Mixed Case" WITH ADMIN OPTION""");
            assertThat(plan.summary()).isEqualTo("Revoke admin option on x\"; DROP TABLE t; -- from Mixed Case");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(rules(plan)).doesNotContain("admin-option");
        }

        @Test
        void revokingAPlanetaryRoleAlsoWarns() {
            Plan plan = new RoleMembershipSpec(REVOKE, Identifier.of("planetary_admin"), MEMBER, false).plan();

            assertThat(rules(plan)).containsExactly("planetary-right");
        }
    }

    @Nested
    class Validation {

        @Test
        void actionIsRequired() {
            assertViolation("action", () -> new RoleMembershipSpec(null, ROLE, MEMBER, false));
        }

        @Test
        void roleIsRequired() {
            assertViolation("role", () -> new RoleMembershipSpec(GRANT, null, MEMBER, false));
        }

        @Test
        void memberIsRequired() {
            assertViolation("member", () -> new RoleMembershipSpec(GRANT, ROLE, null, false));
        }

        @Test
        void roleCannotBeAMemberOfItself() {
            assertViolation("member", () -> new RoleMembershipSpec(GRANT, ROLE, Identifier.of("x\"; DROP TABLE t; --"), false));
        }

        @Test
        void namesDifferingOnlyInCaseAreDifferentRoles() {
            RoleMembershipSpec spec = new RoleMembershipSpec(GRANT, Identifier.of("Admin"), Identifier.of("admin"), false);
            assertThat(statements(spec.plan())).containsExactly("""
                    GRANT "Admin" TO "admin\"""");
        }
    }

    @Test
    void kind() {
        assertThat(new RoleMembershipSpec(GRANT, ROLE, MEMBER, false).kind()).isEqualTo("role-membership");
    }
}
