package dev.planetary.kernel.spec.view;

import dev.planetary.kernel.spec.TableFacts;
import dev.planetary.kernel.spec.protect.ProtectionFixture;


import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.GRANTEE;
import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class ViewSpecTest {

    private static final QualifiedName VIEW = QualifiedName.of("Mixed Case", "v\"1");
    private static final List<ViewColumn> COLUMNS = List.of(ViewColumn.plain("id"),
            ViewColumn.redacted("e\"mail", Redaction.HASH), ViewColumn.redacted("card", Redaction.NULLIFY));

    private static TableFacts facts(boolean rlsEnabled, boolean rlsForced) {
        TableFacts base = ProtectionFixture.facts();
        return new TableFacts(base.owner(), false, rlsEnabled, rlsForced, base.columns(), base.primaryKey(), List.of(),
                List.of(), List.of(), List.of());
    }

    @Nested
    class Create {

        @Test
        void rendersTheColumnsTheOwnerAndTheGrants() {
            Plan plan = new CreateViewSpec(VIEW, TABLE, COLUMNS, true, false, List.of(GRANTEE, Grantee.of("app reader")),
                    false, "for \"reports\"", facts(false, false)).plan();
            assertThat(statements(plan)).containsExactly(
                    "CREATE SCHEMA IF NOT EXISTS \"planetary\"",
                    "CREATE OR REPLACE FUNCTION \"planetary\".\"hash\"(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT"
                            + " PARALLEL SAFE AS $planetary$SELECT encode(sha256(convert_to(value, 'UTF8')), 'hex')$planetary$",
                    "CREATE VIEW \"Mixed Case\".\"v\"\"1\" WITH (security_barrier) AS SELECT \"id\", \"planetary\".\"hash\"(\"e\"\"mail\")"
                            + " AS \"e\"\"mail\", NULL::character varying(19) AS \"card\" FROM \"Mixed Case\".\"a\"\"b\"",
                    "ALTER VIEW \"Mixed Case\".\"v\"\"1\" OWNER TO \"own\"\"er\"",
                    "COMMENT ON VIEW \"Mixed Case\".\"v\"\"1\" IS E'for \"reports\"'",
                    "GRANT SELECT ON \"Mixed Case\".\"v\"\"1\" TO \"x\"\"; DROP TABLE t; --\", \"app reader\"");
            assertThat(inverse(plan)).containsExactly("DROP VIEW \"Mixed Case\".\"v\"\"1\"");
            assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        }

        @Test
        void replacingHasNoInverseAndIsHighRisk() {
            Plan plan = new CreateViewSpec(VIEW, TABLE, List.of(ViewColumn.plain("id")), false, true, null, true, null,
                    facts(true, false)).plan();
            assertThat(statements(plan)).contains(
                    "CREATE OR REPLACE VIEW \"Mixed Case\".\"v\"\"1\" WITH (security_invoker) AS SELECT \"id\" FROM \"Mixed Case\".\"a\"\"b\"");
            assertThat(plan.hasInverse()).isFalse();
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(rules(plan)).contains("security-invoker").doesNotContain("view-bypasses-rls");
        }

        @Test
        void aViewOverAnUnforcedRowSecurityTableIsFlaggedAsBypassingIt() {
            Plan plan = new CreateViewSpec(VIEW, TABLE, List.of(ViewColumn.plain("id")), true, false, null, false, null,
                    facts(true, false)).plan();
            assertThat(finding(plan, "view-bypasses-rls").message()).contains("own\"er", "security_invoker");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        }

        @Test
        void forcedRowSecurityIsNotBypassed() {
            Plan plan = new CreateViewSpec(VIEW, TABLE, List.of(ViewColumn.plain("id")), true, false, null, false, null,
                    facts(true, true)).plan();
            assertThat(rules(plan)).doesNotContain("view-bypasses-rls");
        }

        @Test
        void maskingWithoutABarrierIsNoted() {
            Plan plan = new CreateViewSpec(VIEW, TABLE, COLUMNS, false, false, null, false, null, facts(false, false)).plan();
            assertThat(rules(plan)).contains("masked-without-barrier");
        }

        @Test
        void refusals() {
            assertViolation("name", () -> new CreateViewSpec(TABLE, TABLE, COLUMNS, true, false, null, false, null, null));
            assertViolation("columns", () -> new CreateViewSpec(VIEW, TABLE, List.of(), true, false, null, false, null, null));
            assertViolation("columns[1].name", () -> new CreateViewSpec(VIEW, TABLE,
                    List.of(ViewColumn.plain("id"), ViewColumn.plain("id")), true, false, null, false, null, null));
            assertViolation("columns[1].name", () -> new CreateViewSpec(VIEW, TABLE,
                    List.of(ViewColumn.plain("id"), ViewColumn.plain("ghost")), true, false, null, false, null, facts(false, false)));
            assertViolation("facts", () -> new CreateViewSpec(VIEW, TABLE, COLUMNS, true, false, null, false, null, null).plan());
        }
    }

    @Test
    void dropIsHighRiskWithoutInverseAndCascadeIsFlagged() {
        Plan plan = new DropViewSpec(VIEW, true).plan();
        assertThat(statements(plan)).containsExactly("DROP VIEW \"Mixed Case\".\"v\"\"1\" CASCADE");
        assertThat(plan.hasInverse()).isFalse();
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(rules(plan)).contains("drop-cascade");
        assertThat(statements(new DropViewSpec(VIEW, false).plan())).containsExactly("DROP VIEW \"Mixed Case\".\"v\"\"1\"");
        assertViolation("name", () -> new DropViewSpec(null, false));
        assertThat(Identifier.of("v\"1").quoted()).isEqualTo("\"v\"\"1\"");
    }
}
