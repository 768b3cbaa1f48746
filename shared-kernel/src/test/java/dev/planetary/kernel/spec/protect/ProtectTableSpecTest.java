package dev.planetary.kernel.spec.protect;

import dev.planetary.kernel.spec.TableFacts;

import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.view.Redaction;
import dev.planetary.kernel.spec.view.ViewColumn;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.spec.TableFacts.FactColumn;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.planetary.kernel.spec.Hostile.GRANTEE;
import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.finding;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.statements;
import static dev.planetary.kernel.spec.protect.ProtectionFixture.facts;
import static dev.planetary.kernel.spec.protect.ProtectionFixture.fullView;
import static dev.planetary.kernel.spec.protect.ProtectionFixture.redactedView;
import static dev.planetary.kernel.spec.protect.ProtectionFixture.tenantPolicy;
import static org.assertj.core.api.Assertions.assertThat;

class ProtectTableSpecTest {

    /**
     * The whole plan for the hostile fixture, forward and inverse, as a golden file reviewed by
     * hand (src/test/resources/golden/protect-table.sql). The same shape runs on PostgreSQL in
     * command-service's ProtectionPlanIT.
     */
    @Test
    void wholePlanMatchesTheGoldenFile() throws IOException {
        Plan plan = ProtectionFixture.spec().plan();
        String rendered = "-- forward\n" + plan.script() + "-- inverse\n" + plan.inverseScript();
        assertThat(rendered).isEqualTo(golden("/golden/protect-table.sql"));
    }

    @Test
    void everyNameIsQuotedAndTheHostileRoleStaysOneIdentifier() {
        Plan plan = ProtectionFixture.spec().plan();
        assertThat(statements(plan)).contains(
                "REVOKE ALL ON TABLE \"Mixed Case\".\"a\"\"b\" FROM \"x\"\"; DROP TABLE t; --\"",
                "GRANT SELECT ON \"Mixed Case\".\"a\"\"b_redacted\" TO \"app reader\", \"x\"\"; DROP TABLE t; --\"");
        assertThat(plan.script()).doesNotContain("\"x\"; DROP");
    }

    @Test
    void isHighRiskAndNamesWhoLosesDirectAccess() {
        Plan plan = ProtectionFixture.spec().plan();
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.riskReasons()).anySatisfy(r -> assertThat(r).contains("PUBLIC", "app reader", "x\"; DROP TABLE t; --"));
        assertThat(rules(plan)).contains("replaces-policies", "dependent-view-loses-access");
    }

    @Nested
    class WhatItReplaces {

        @Test
        void withoutPoliciesTheTableKeepsItsRowSecurityAndAWarningSaysEveryRowIsVisible() {
            Plan plan = new ProtectTableSpec(TABLE, List.of(fullView()), List.of(), facts()).plan();
            assertThat(statements(plan)).noneMatch(s -> s.contains("ROW LEVEL SECURITY"));
            assertThat(inverse(plan)).noneMatch(s -> s.contains("ROW LEVEL SECURITY"));
            assertThat(rules(plan)).contains("no-row-policy");
        }

        @Test
        void rowSecurityAlreadyOnIsLeftOnByUnprotect() {
            TableFacts forced = new TableFacts(ProtectionFixture.OWNER, false, true, true, facts().columns(),
                    facts().primaryKey(), List.of(), List.of(), List.of(), List.of());
            Plan plan = new ProtectTableSpec(TABLE, List.of(fullView()), List.of(tenantPolicy()), forced).plan();
            assertThat(statements(plan)).contains("ALTER TABLE \"Mixed Case\".\"a\"\"b\" FORCE ROW LEVEL SECURITY");
            assertThat(inverse(plan)).noneMatch(s -> s.contains("ROW LEVEL SECURITY"));
            assertThat(inverse(plan)).noneMatch(s -> s.startsWith("GRANT SELECT ON TABLE"));
        }

        @Test
        void schemaUsageHeldByPublicIsNotGrantedAgain() {
            TableFacts usage = new TableFacts(ProtectionFixture.OWNER, false, false, false, facts().columns(),
                    facts().primaryKey(), List.of(), List.of(), List.of(), List.of(Grantee.PUBLIC));
            Plan plan = new ProtectTableSpec(TABLE, List.of(fullView()), List.of(tenantPolicy()), usage).plan();
            assertThat(statements(plan)).noneMatch(s -> s.contains("USAGE ON SCHEMA"));
            assertThat(inverse(plan)).noneMatch(s -> s.contains("USAGE ON SCHEMA"));
        }

        @Test
        void aViewOwnedByTheOwnerKeepsWorkingAndIsOnlyNoted() {
            TableFacts facts = new TableFacts(ProtectionFixture.OWNER, false, false, false, facts().columns(),
                    facts().primaryKey(), List.of(), List.of(),
                    List.of(new TableFacts.DependentView(QualifiedName.of("Mixed Case", "report"), ProtectionFixture.OWNER)),
                    List.of());
            Plan plan = new ProtectTableSpec(TABLE, List.of(fullView()), List.of(tenantPolicy()), facts).plan();
            assertThat(finding(plan, "dependent-view").message()).contains("Mixed Case.report");
            assertThat(rules(plan)).doesNotContain("dependent-view-loses-access");
        }
    }

    @Nested
    class Findings {

        @Test
        void anOwnerThatBypassesRowSecurityIsHighRisk() {
            TableFacts facts = new TableFacts(ProtectionFixture.OWNER, true, false, false, facts().columns(),
                    facts().primaryKey(), List.of(), List.of(), List.of(), List.of());
            Plan plan = new ProtectTableSpec(TABLE, List.of(fullView()), List.of(tenantPolicy()), facts).plan();
            assertThat(rules(plan)).contains("owner-bypasses-rls");
            assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        }

        @Test
        void aPolicyOnCurrentUserIsFlaggedBecauseTheViewsReadAsTheOwner() {
            RowPolicy byUser = new RowPolicy(Identifier.of("mine"), PolicyCommand.SELECT, null,
                    SqlFragment.of("owner_name = current_user"), null);
            Plan plan = new ProtectTableSpec(TABLE, List.of(fullView()), List.of(byUser), facts()).plan();
            assertThat(finding(plan, "policy-uses-current-user").message()).contains("mine", "owner");
        }

        @Test
        void aViewGrantedToNobodyIsFlagged() {
            AccessView lonely = new AccessView(Identifier.of("lonely"), List.of(ViewColumn.plain("id")), null, null);
            Plan plan = new ProtectTableSpec(TABLE, List.of(lonely), List.of(tenantPolicy()), facts()).plan();
            assertThat(finding(plan, "view-without-grantees").message()).contains("lonely");
        }
    }

    @Nested
    class Refusals {

        @Test
        void needsAView() {
            assertViolation("views", () -> new ProtectTableSpec(TABLE, List.of(), List.of(), null));
        }

        @Test
        void aViewCannotTakeTheTablesName() {
            AccessView sameName = new AccessView(TABLE.name(), List.of(ViewColumn.plain("id")), List.of(GRANTEE), null);
            assertViolation("views[0].name", () -> new ProtectTableSpec(TABLE, List.of(sameName), null, null));
        }

        @Test
        void viewNamesAreUnique() {
            assertViolation("views[1].name", () -> new ProtectTableSpec(TABLE, List.of(fullView(), fullView()), null, null));
        }

        @Test
        void policyNamesAreUnique() {
            assertViolation("policies[1].name", () -> new ProtectTableSpec(TABLE, List.of(fullView()),
                    List.of(tenantPolicy(), tenantPolicy()), null));
        }

        @Test
        void aColumnTheTableDoesNotHaveIsNamed() {
            AccessView ghost = new AccessView(Identifier.of("v"), List.of(ViewColumn.plain("id"), ViewColumn.plain("ghost")),
                    List.of(GRANTEE), null);
            assertViolation("views[0].columns[1].name", () -> new ProtectTableSpec(TABLE, List.of(ghost), null, facts()));
        }

        @Test
        void updateAndDeleteNeedTheKeyUnmasked() {
            AccessView masked = new AccessView(Identifier.of("v"),
                    List.of(ViewColumn.redacted("id", Redaction.HASH), ViewColumn.plain("note")), List.of(GRANTEE),
                    List.of(ViewWrite.of(TriggerEvent.UPDATE)));
            assertViolation("views[0].columns", () -> new ProtectTableSpec(TABLE, List.of(masked), null, facts()));
        }

        @Test
        void updateNeedsAPrimaryKey() {
            TableFacts keyless = new TableFacts(ProtectionFixture.OWNER, false, false, false, facts().columns(), List.of(),
                    List.of(), List.of(), List.of(), List.of());
            AccessView writes = new AccessView(Identifier.of("v"), List.of(ViewColumn.plain("id")), List.of(GRANTEE),
                    List.of(ViewWrite.of(TriggerEvent.DELETE)));
            assertViolation("views[0].writes", () -> new ProtectTableSpec(TABLE, List.of(writes), null, keyless));
        }

        @Test
        void anInsertNeedsAColumnItCanSet() {
            AccessView onlyGenerated = new AccessView(Identifier.of("v"), List.of(ViewColumn.plain("id")), List.of(GRANTEE),
                    List.of(ViewWrite.of(TriggerEvent.INSERT)));
            assertViolation("views[0].writes", () -> new ProtectTableSpec(TABLE, List.of(onlyGenerated), null, facts()));
        }

        @Test
        void aBodyHoldingTheTagGetsANumberedTagSoItCannotCloseTheQuote() {
            String body = "BEGIN RETURN new_row; END $planetary$; DROP TABLE x; --";
            AccessView view = new AccessView(Identifier.of("v"), List.of(ViewColumn.plain("id"), ViewColumn.plain("note")),
                    List.of(GRANTEE), List.of(new ViewWrite(TriggerEvent.INSERT, body)));
            Plan plan = new ProtectTableSpec(TABLE, List.of(view), null, facts()).plan();
            assertThat(statements(plan)).anySatisfy(sql -> assertThat(sql)
                    .endsWith(" AS $planetary_1$\n" + body + "\n$planetary_1$"));
        }

        @Test
        void aBodyWithABidirectionalOverrideIsRefused() {
            assertViolation("body", () -> new ViewWrite(TriggerEvent.INSERT, "BEGIN /* \u202E */ RETURN new_row; END"));
        }

        @Test
        void aViewCannotBeTruncated() {
            assertViolation("operation", () -> new ViewWrite(TriggerEvent.TRUNCATE, null));
        }

        @Test
        void aWriteIsListedOnce() {
            assertViolation("writes[1].operation", () -> new AccessView(Identifier.of("v"), List.of(ViewColumn.plain("id")),
                    null, List.of(ViewWrite.of(TriggerEvent.INSERT), ViewWrite.of(TriggerEvent.INSERT))));
        }

        @Test
        void theFunctionRedactionNeedsAFunction() {
            assertViolation("function", () -> new ViewColumn(Identifier.of("id"), Redaction.FUNCTION, null));
        }

        @Test
        void aTypeThatIsNotPostgresOwnSpellingIsRefused() {
            assertViolation("facts.columns.type", () -> new FactColumn(Identifier.of("x"), "text; DROP TABLE t", false, null));
        }

        @Test
        void derivedFunctionNamesMustFitInAnIdentifier() {
            AccessView longName = new AccessView(Identifier.of("v".repeat(60)), List.of(ViewColumn.plain("id"),
                    ViewColumn.plain("note")), List.of(GRANTEE), List.of(ViewWrite.of(TriggerEvent.INSERT)));
            assertViolation("views[0].name", () -> new ProtectTableSpec(TABLE, List.of(longName), null, facts()));
        }

        @Test
        void thePlanNeedsTheFacts() {
            ProtectTableSpec request = new ProtectTableSpec(TABLE, List.of(fullView()), List.of(tenantPolicy()), null);
            assertViolation("facts", request::plan);
            assertThat(request.withFacts(facts()).plan().statements()).isNotEmpty();
        }
    }

    @Nested
    class Unprotect {

        @Test
        void isExactlyTheProtectionsInverseAndItsInverseIsTheProtection() {
            ProtectTableSpec protection = ProtectionFixture.spec();
            Plan unprotect = new UnprotectTableSpec("c-1", null).withProtection(protection).plan();
            assertThat(statements(unprotect)).isEqualTo(inverse(protection.plan()));
            assertThat(inverse(unprotect)).isEqualTo(statements(protection.plan()));
            assertThat(unprotect.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(unprotect.summary()).contains("c-1");
        }

        @Test
        void needsTheChangeItUndoes() {
            assertViolation("protectedBy", () -> new UnprotectTableSpec(" ", null));
            assertViolation("protectedBy", () -> new UnprotectTableSpec("c-1", null).plan());
        }
    }

    @Test
    void theGeneratedSkeletonsLetRowsThrough() {
        assertThat(ViewWrite.of(TriggerEvent.INSERT).body()).contains("RETURN new_row;");
        assertThat(ViewWrite.of(TriggerEvent.UPDATE).body()).contains("RETURN new_row;");
        assertThat(ViewWrite.of(TriggerEvent.DELETE).body()).contains("RETURN true;");
        assertThat(redactedView().writes()).isEmpty();
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = ProtectTableSpecTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
