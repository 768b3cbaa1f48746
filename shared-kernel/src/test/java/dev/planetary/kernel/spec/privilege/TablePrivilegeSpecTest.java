package dev.planetary.kernel.spec.privilege;



import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.GRANTEE;
import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.statements;
import static dev.planetary.kernel.spec.privilege.PrivilegeAction.GRANT;
import static dev.planetary.kernel.spec.privilege.PrivilegeAction.REVOKE;
import static dev.planetary.kernel.spec.privilege.TablePrivilege.DELETE;
import static dev.planetary.kernel.spec.privilege.TablePrivilege.INSERT;
import static dev.planetary.kernel.spec.privilege.TablePrivilege.SELECT;
import static dev.planetary.kernel.spec.privilege.TablePrivilege.TRUNCATE;
import static dev.planetary.kernel.spec.privilege.TablePrivilege.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

class TablePrivilegeSpecTest {

    private static final ObjectRef TABLE_REF = new ObjectRef(ObjectKind.TABLE, "Mixed Case.a\"b");
    private static final ObjectRef ROLE_REF = new ObjectRef(ObjectKind.ROLE, "x\"; DROP TABLE t; --");

    private static TablePrivilegeSpec spec(PrivilegeAction action, List<TablePrivilege> privileges,
                                           List<Identifier> columns, Grantee grantee, boolean withGrantOption) {
        return new TablePrivilegeSpec(action, privileges, TABLE, columns, grantee, withGrantOption);
    }

    @Nested
    class Grant {

        @Test
        void grantToRole() {
            Plan plan = spec(GRANT, List.of(INSERT, SELECT, INSERT), null, GRANTEE, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT SELECT, INSERT ON TABLE "Mixed Case"."a""b" TO "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE SELECT, INSERT ON TABLE "Mixed Case"."a""b" FROM "x""; DROP TABLE t; --\"""");
            assertThat(plan.summary()).isEqualTo("Grant SELECT, INSERT on Mixed Case.a\"b to x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
            assertThat(plan.riskReasons()).isEmpty();
            assertThat(plan.findings()).isEmpty();
            assertThat(plan.touches()).containsExactly(TABLE_REF, ROLE_REF);
            assertThat(plan.hasInverse()).isTrue();
            assertThat(plan.inverseNote()).isNull();
        }

        @Test
        void allPrivilegesComeOutInDeclarationOrder() {
            Plan plan = spec(GRANT, List.of(TablePrivilege.TRIGGER, TablePrivilege.REFERENCES, TRUNCATE, DELETE, UPDATE, INSERT, SELECT), null, GRANTEE, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "Mixed Case"."a""b" TO "x""; DROP TABLE t; --\"""");
        }

        @Test
        void perColumnGrantRepeatsTheColumnListForEachPrivilege() {
            List<Identifier> columns = List.of(Identifier.of("col\"1"), Identifier.of("Col 2"), Identifier.of("col\"1"));
            TablePrivilegeSpec spec = spec(GRANT, List.of(UPDATE, SELECT), columns, GRANTEE, false);
            Plan plan = spec.plan();

            assertThat(spec.columns()).containsExactly(Identifier.of("col\"1"), Identifier.of("Col 2"));
            assertThat(statements(plan)).containsExactly("""
                    GRANT SELECT ("col""1", "Col 2"), UPDATE ("col""1", "Col 2") ON TABLE "Mixed Case"."a""b" TO "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE SELECT ("col""1", "Col 2"), UPDATE ("col""1", "Col 2") ON TABLE "Mixed Case"."a""b" FROM "x""; DROP TABLE t; --\"""");
            assertThat(plan.summary())
                    .isEqualTo("Grant SELECT, UPDATE (col\"1, Col 2) on Mixed Case.a\"b to x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        }

        @Test
        void withGrantOption() {
            Plan plan = spec(GRANT, List.of(SELECT), null, GRANTEE, true).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT SELECT ON TABLE "Mixed Case"."a""b" TO "x""; DROP TABLE t; --" WITH GRANT OPTION""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE SELECT ON TABLE "Mixed Case"."a""b" FROM "x""; DROP TABLE t; --\"""");
            assertThat(plan.summary())
                    .isEqualTo("Grant SELECT on Mixed Case.a\"b to x\"; DROP TABLE t; -- with grant option");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
            assertThat(rules(plan)).containsExactly("grant-option");
            assertThat(finding(plan, "grant-option").severity()).isEqualTo(LintFinding.Severity.WARNING);
        }

        @Test
        void grantToPublic() {
            Plan plan = spec(GRANT, List.of(SELECT), null, Grantee.of("public"), false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT SELECT ON TABLE "Mixed Case"."a""b" TO PUBLIC""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE SELECT ON TABLE "Mixed Case"."a""b" FROM PUBLIC""");
            assertThat(plan.summary()).isEqualTo("Grant SELECT on Mixed Case.a\"b to PUBLIC");
            assertThat(plan.touches()).containsExactly(TABLE_REF);
            assertThat(rules(plan)).containsExactly("grant-to-public");
            assertThat(finding(plan, "grant-to-public").severity()).isEqualTo(LintFinding.Severity.WARNING);
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        }

        @Test
        void roleNamedPublicRelationsIsNotPublic() {
            Plan plan = spec(GRANT, List.of(SELECT), null, Grantee.of("Public Relations"), false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT SELECT ON TABLE "Mixed Case"."a""b" TO "Public Relations\"""");
            assertThat(rules(plan)).doesNotContain("grant-to-public");
        }

        @Test
        void grantingTruncateWarnsThatItBypassesRowLevelSecurity() {
            Plan plan = spec(GRANT, List.of(TRUNCATE, DELETE), null, GRANTEE, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT DELETE, TRUNCATE ON TABLE "Mixed Case"."a""b" TO "x""; DROP TABLE t; --\"""");
            assertThat(rules(plan)).containsExactly("truncate-bypasses-rls");
            assertThat(finding(plan, "truncate-bypasses-rls").severity()).isEqualTo(LintFinding.Severity.WARNING);
        }
    }

    @Nested
    class Revoke {

        @Test
        void revokeFromRole() {
            Plan plan = spec(REVOKE, List.of(DELETE, SELECT), null, GRANTEE, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE SELECT, DELETE ON TABLE "Mixed Case"."a""b" FROM "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT SELECT, DELETE ON TABLE "Mixed Case"."a""b" TO "x""; DROP TABLE t; --\"""");
            assertThat(plan.summary()).isEqualTo("Revoke SELECT, DELETE on Mixed Case.a\"b from x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.riskReasons()).containsExactly("revokes privileges: clients relying on them start failing");
            assertThat(plan.findings()).isEmpty();
            assertThat(plan.touches()).containsExactly(TABLE_REF, ROLE_REF);
        }

        @Test
        void revokeGrantOptionFor() {
            Plan plan = spec(REVOKE, List.of(SELECT), null, GRANTEE, true).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE GRANT OPTION FOR SELECT ON TABLE "Mixed Case"."a""b" FROM "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT SELECT ON TABLE "Mixed Case"."a""b" TO "x""; DROP TABLE t; --" WITH GRANT OPTION""");
            assertThat(plan.summary())
                    .isEqualTo("Revoke grant option for SELECT on Mixed Case.a\"b from x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.findings()).isEmpty();
        }

        @Test
        void perColumnRevoke() {
            Plan plan = spec(REVOKE, List.of(UPDATE), List.of(Identifier.of("Amount")), GRANTEE, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE UPDATE ("Amount") ON TABLE "Mixed Case"."a""b" FROM "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT UPDATE ("Amount") ON TABLE "Mixed Case"."a""b" TO "x""; DROP TABLE t; --\"""");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        }

        @Test
        void revokeFromPublic() {
            Plan plan = spec(REVOKE, List.of(SELECT), null, Grantee.PUBLIC, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE SELECT ON TABLE "Mixed Case"."a""b" FROM PUBLIC""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT SELECT ON TABLE "Mixed Case"."a""b" TO PUBLIC""");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.touches()).containsExactly(TABLE_REF);
            assertThat(plan.findings()).isEmpty();
        }

        @Test
        void revokingTruncateDoesNotWarn() {
            Plan plan = spec(REVOKE, List.of(TRUNCATE), null, GRANTEE, false).plan();

            assertThat(rules(plan)).doesNotContain("truncate-bypasses-rls");
        }
    }

    @Nested
    class Validation {

        @Test
        void actionIsRequired() {
            assertViolation("action", () -> spec(null, List.of(SELECT), null, GRANTEE, false));
        }

        @Test
        void tableIsRequired() {
            assertViolation("table", () -> new TablePrivilegeSpec(GRANT, List.of(SELECT), null, null, GRANTEE, false));
        }

        @Test
        void granteeIsRequired() {
            assertViolation("grantee", () -> spec(GRANT, List.of(SELECT), null, null, false));
        }

        @Test
        void privilegesAreRequired() {
            assertViolation("privileges", () -> spec(GRANT, null, null, GRANTEE, false));
            assertViolation("privileges", () -> spec(GRANT, List.of(), null, GRANTEE, false));
        }

        @ParameterizedTest
        @EnumSource(value = TablePrivilege.class, names = {"DELETE", "TRUNCATE", "TRIGGER"})
        void privilegesThatCannotBeGrantedPerColumn(TablePrivilege privilege) {
            assertViolation("columns",
                    () -> spec(GRANT, List.of(SELECT, privilege), List.of(Identifier.of("c")), GRANTEE, false));
        }

        @ParameterizedTest
        @EnumSource(value = TablePrivilege.class, names = {"SELECT", "INSERT", "UPDATE", "REFERENCES"})
        void privilegesThatCanBeGrantedPerColumn(TablePrivilege privilege) {
            TablePrivilegeSpec spec = spec(GRANT, List.of(privilege), List.of(Identifier.of("c")), GRANTEE, false);
            assertThat(spec.privileges()).containsExactly(privilege);
            assertThat(spec.columns()).containsExactly(Identifier.of("c"));
        }

        @Test
        void emptyColumnListMeansTheWholeTable() {
            TablePrivilegeSpec spec = spec(GRANT, List.of(DELETE), List.of(), GRANTEE, false);
            assertThat(spec.columns()).isEmpty();
            assertThat(spec(GRANT, List.of(DELETE), null, GRANTEE, false).columns()).isEmpty();
        }
    }

    @Test
    void kind() {
        assertThat(spec(GRANT, List.of(SELECT), null, GRANTEE, false).kind()).isEqualTo("table-privilege");
    }
}
