package dev.planetary.kernel.spec.privilege;


import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.ObjectRef.ObjectKind;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Grantee;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.GRANTEE;
import static dev.planetary.kernel.spec.Hostile.SCHEMA;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.statements;
import static dev.planetary.kernel.spec.privilege.PrivilegeAction.GRANT;
import static dev.planetary.kernel.spec.privilege.PrivilegeAction.REVOKE;
import static dev.planetary.kernel.spec.privilege.SchemaPrivilege.CREATE;
import static dev.planetary.kernel.spec.privilege.SchemaPrivilege.USAGE;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaPrivilegeSpecTest {

    private static final ObjectRef SCHEMA_REF = new ObjectRef(ObjectKind.SCHEMA, "Mixed Case");
    private static final ObjectRef ROLE_REF = new ObjectRef(ObjectKind.ROLE, "x\"; DROP TABLE t; --");

    @Nested
    class Grant {

        @Test
        void grantBothToRole() {
            SchemaPrivilegeSpec spec = new SchemaPrivilegeSpec(GRANT, List.of(CREATE, USAGE, CREATE), SCHEMA, GRANTEE, false);
            Plan plan = spec.plan();

            assertThat(spec.privileges()).containsExactly(USAGE, CREATE);
            assertThat(statements(plan)).containsExactly("""
                    GRANT USAGE, CREATE ON SCHEMA "Mixed Case" TO "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE USAGE, CREATE ON SCHEMA "Mixed Case" FROM "x""; DROP TABLE t; --\"""");
            assertThat(plan.summary()).isEqualTo("Grant USAGE, CREATE on schema Mixed Case to x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
            assertThat(plan.findings()).isEmpty();
            assertThat(plan.touches()).containsExactly(SCHEMA_REF, ROLE_REF);
            assertThat(plan.inverseNote()).isNull();
        }

        @Test
        void withGrantOption() {
            Plan plan = new SchemaPrivilegeSpec(GRANT, List.of(USAGE), SCHEMA, GRANTEE, true).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT USAGE ON SCHEMA "Mixed Case" TO "x""; DROP TABLE t; --" WITH GRANT OPTION""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE USAGE ON SCHEMA "Mixed Case" FROM "x""; DROP TABLE t; --\"""");
            assertThat(rules(plan)).containsExactly("grant-option");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        }

        @Test
        void usageToPublic() {
            Plan plan = new SchemaPrivilegeSpec(GRANT, List.of(USAGE), SCHEMA, Grantee.of("PUBLIC"), false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT USAGE ON SCHEMA "Mixed Case" TO PUBLIC""");
            assertThat(inverse(plan)).containsExactly("""
                    REVOKE USAGE ON SCHEMA "Mixed Case" FROM PUBLIC""");
            assertThat(rules(plan)).containsExactly("grant-to-public");
            assertThat(plan.touches()).containsExactly(SCHEMA_REF);
        }

        @Test
        void createToPublicWarnsAboutSearchPathShadowing() {
            Plan plan = new SchemaPrivilegeSpec(GRANT, List.of(CREATE), SCHEMA, Grantee.PUBLIC, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    GRANT CREATE ON SCHEMA "Mixed Case" TO PUBLIC""");
            assertThat(rules(plan)).containsExactlyInAnyOrder("grant-to-public", "public-create");
            assertThat(finding(plan, "public-create").severity()).isEqualTo(LintFinding.Severity.WARNING);
            assertThat(finding(plan, "public-create").message()).contains("CVE-2018-1058");
        }

        @Test
        void createToARoleDoesNotWarnAboutPublicCreate() {
            Plan plan = new SchemaPrivilegeSpec(GRANT, List.of(CREATE), SCHEMA, GRANTEE, false).plan();

            assertThat(rules(plan)).doesNotContain("public-create");
        }
    }

    @Nested
    class Revoke {

        @Test
        void revokeFromRole() {
            Plan plan = new SchemaPrivilegeSpec(REVOKE, List.of(USAGE), SCHEMA, GRANTEE, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE USAGE ON SCHEMA "Mixed Case" FROM "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT USAGE ON SCHEMA "Mixed Case" TO "x""; DROP TABLE t; --\"""");
            assertThat(plan.summary()).isEqualTo("Revoke USAGE on schema Mixed Case from x\"; DROP TABLE t; --");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(plan.riskReasons()).containsExactly("revokes privileges: clients relying on them start failing");
            assertThat(plan.touches()).containsExactly(SCHEMA_REF, ROLE_REF);
        }

        @Test
        void revokeGrantOptionFor() {
            Plan plan = new SchemaPrivilegeSpec(REVOKE, List.of(USAGE, CREATE), SCHEMA, GRANTEE, true).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE GRANT OPTION FOR USAGE, CREATE ON SCHEMA "Mixed Case" FROM "x""; DROP TABLE t; --\"""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT USAGE, CREATE ON SCHEMA "Mixed Case" TO "x""; DROP TABLE t; --" WITH GRANT OPTION""");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        }

        @Test
        void revokeCreateFromPublicIsTheHardeningStepAndDoesNotWarn() {
            Plan plan = new SchemaPrivilegeSpec(REVOKE, List.of(CREATE), SCHEMA, Grantee.PUBLIC, false).plan();

            assertThat(statements(plan)).containsExactly("""
                    REVOKE CREATE ON SCHEMA "Mixed Case" FROM PUBLIC""");
            assertThat(inverse(plan)).containsExactly("""
                    GRANT CREATE ON SCHEMA "Mixed Case" TO PUBLIC""");
            assertThat(plan.findings()).isEmpty();
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        }
    }

    @Nested
    class Validation {

        @Test
        void actionIsRequired() {
            assertViolation("action", () -> new SchemaPrivilegeSpec(null, List.of(USAGE), SCHEMA, GRANTEE, false));
        }

        @Test
        void schemaIsRequired() {
            assertViolation("schema", () -> new SchemaPrivilegeSpec(GRANT, List.of(USAGE), null, GRANTEE, false));
        }

        @Test
        void granteeIsRequired() {
            assertViolation("grantee", () -> new SchemaPrivilegeSpec(GRANT, List.of(USAGE), SCHEMA, null, false));
        }

        @Test
        void privilegesAreRequired() {
            assertViolation("privileges", () -> new SchemaPrivilegeSpec(GRANT, null, SCHEMA, GRANTEE, false));
            assertViolation("privileges", () -> new SchemaPrivilegeSpec(GRANT, List.of(), SCHEMA, GRANTEE, false));
        }
    }

    @Test
    void kind() {
        assertThat(new SchemaPrivilegeSpec(GRANT, List.of(USAGE), SCHEMA, GRANTEE, false).kind())
                .isEqualTo("schema-privilege");
    }
}
