package dev.planetary.command.target;

import dev.planetary.command.target.PlanRunner.ApplyOutcome;
import dev.planetary.command.target.PlanRunner.ApplyResult;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DriftVerdict;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.policy.CreatePolicySpec;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift guard at apply, on a real server: a change made by hand between the dry-run and the
 * apply stops it; a change Planetary applied in between lets it go on, saying which.
 */
class DriftGuardIT {

    private static TestTarget target;
    private static PlanRunner runner;

    @BeforeAll
    static void createTarget() {
        target = TestTarget.create("drift_guard", Duration.ofSeconds(2), "CREATE SCHEMA shop",
                "CREATE TABLE shop.\"Order\" (id int PRIMARY KEY, note text)",
                "CREATE TABLE shop.other (id int PRIMARY KEY)",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'drift_reader') THEN CREATE ROLE drift_reader; END IF; END $$");
        runner = target.runner();
    }

    @AfterAll
    static void close() {
        target.close();
    }

    private static Plan policy(String table, String name) {
        return new CreatePolicySpec(QualifiedName.of("shop", table), Identifier.of(name), null, PolicyCommand.SELECT, List.of(),
                SqlFragment.of("id > 0"), null).plan();
    }

    private static Plan grant(String table) {
        return new TablePrivilegeSpec(PrivilegeAction.GRANT, List.of(TablePrivilege.SELECT), QualifiedName.of("shop", table),
                null, Grantee.of("drift_reader"), false).plan();
    }

    private static DryRunOutcome dryRun(Plan plan) {
        DryRunOutcome outcome = runner.dryRun(plan);
        assertThat(outcome.passed()).as(String.valueOf(outcome.error())).isTrue();
        assertThat(outcome.baseline()).isNotNull();
        return outcome;
    }

    @Test
    void an_alter_table_by_hand_after_the_dry_run_stops_the_apply_as_drift_and_nothing_runs() throws Exception {
        Plan plan = policy("Order", "by_hand_guard");
        DryRunOutcome dryRun = dryRun(plan);
        target.execute("ALTER TABLE shop.\"Order\" ADD COLUMN added_by_hand int");

        ApplyOutcome outcome = runner.apply(ChangeId.of("drift-1"), 1, plan, dryRun.baseline(), StepListener.NONE, false);

        assertThat(outcome.result()).isEqualTo(ApplyResult.DRIFTED);
        assertThat(outcome.drift().kind()).isEqualTo(DriftVerdict.Kind.DRIFTED);
        assertThat(outcome.drift().differences()).singleElement().asString().startsWith("definition of \"shop\".\"Order\"");
        assertThat(target.count("SELECT count(*) FROM pg_policy WHERE polname = 'by_hand_guard'")).isZero();
        assertThat(target.count("SELECT count(*) FROM planetary.applied_change WHERE change_id = 'drift-1'")).isZero();
    }

    @Test
    void two_changes_on_one_table_approved_one_after_the_other_both_apply() throws Exception {
        Plan first = grant("other");
        Plan second = policy("other", "after_the_grant");
        DryRunOutcome firstDryRun = dryRun(first);
        DryRunOutcome secondDryRun = dryRun(second);

        ApplyOutcome applied = runner.apply(ChangeId.of("first"), 1, first, firstDryRun.baseline(), StepListener.NONE, false);
        ApplyOutcome rebased = runner.apply(ChangeId.of("second"), 1, second, secondDryRun.baseline(), StepListener.NONE, false);

        assertThat(applied.result()).isEqualTo(ApplyResult.APPLIED);
        assertThat(applied.drift().kind()).isEqualTo(DriftVerdict.Kind.NONE);
        assertThat(rebased.result()).isEqualTo(ApplyResult.APPLIED);
        assertThat(rebased.drift().kind()).isEqualTo(DriftVerdict.Kind.REBASED);
        assertThat(rebased.drift().changedBy()).containsExactly("first");
        assertThat(rebased.drift().differences()).singleElement().asString().startsWith("privileges on \"shop\".\"other\"");
        assertThat(target.count("SELECT count(*) FROM pg_policy WHERE polname = 'after_the_grant'")).isEqualTo(1);
    }

    @Test
    void changes_by_hand_to_other_objects_are_not_this_plans_drift() throws Exception {
        Plan plan = grant("Order");
        DryRunOutcome dryRun = dryRun(plan);
        target.execute("CREATE TABLE shop.unrelated (id int)", "COMMENT ON TABLE shop.other IS 'elsewhere'");

        ApplyOutcome outcome = runner.apply(ChangeId.of("unrelated"), 1, plan, dryRun.baseline(), StepListener.NONE, false);

        assertThat(outcome.result()).isEqualTo(ApplyResult.APPLIED);
        assertThat(outcome.drift().kind()).isEqualTo(DriftVerdict.Kind.NONE);
    }

}
