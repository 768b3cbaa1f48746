package dev.planetary.command.target;

import dev.planetary.command.target.PlanRunner.ApplyOutcome;
import dev.planetary.command.target.PlanRunner.ApplyResult;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.policy.CreatePolicySpec;
import dev.planetary.kernel.spec.trigger.CreateTriggerSpec;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.trigger.TriggerTiming;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.embedded.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dry-run and the executor against a real PostgreSQL server. */
class PlanRunnerIT {

    private static final QualifiedName ORDERS = QualifiedName.of("Mixed Case", "or\"ders");
    private static TestTarget target;
    private static PostgresServer server;
    private static String database;
    private static PlanRunner runner;

    @BeforeAll
    static void createTarget() {
        target = TestTarget.create("plan_runner", Duration.ofMillis(300),
                "CREATE SCHEMA \"Mixed Case\"",
                "CREATE TABLE \"Mixed Case\".\"or\"\"ders\" (id int primary key, note text)",
                "CREATE FUNCTION \"Mixed Case\".stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := 'stamped'; RETURN NEW; END $$");
        server = target.server();
        database = target.database();
        runner = target.runner();
    }

    @AfterAll
    static void close() {
        target.close();
    }

    private static Plan policy(String name) {
        return new CreatePolicySpec(ORDERS, Identifier.of(name), null, PolicyCommand.SELECT, List.of(),
                SqlFragment.of("id > 0"), null).plan();
    }

    private static Plan trigger(String name) {
        return new CreateTriggerSpec(ORDERS, Identifier.of(name), TriggerTiming.BEFORE, List.of(TriggerEvent.INSERT),
                null, null, null, QualifiedName.of("Mixed Case", "stamp"), null).plan();
    }

    @Test
    void a_dry_run_checks_the_plan_and_leaves_nothing_behind() throws SQLException {
        DryRunOutcome outcome = runner.dryRun(policy("dry_policy"));

        assertThat(outcome.passed()).isTrue();
        assertThat(count("SELECT count(*) FROM pg_policies WHERE policyname = 'dry_policy'")).isZero();
    }

    @Test
    void a_dry_run_reports_what_postgresql_said() {
        Plan plan = new CreatePolicySpec(QualifiedName.of("Mixed Case", "missing"), Identifier.of("p"), null,
                PolicyCommand.ALL, List.of(), SqlFragment.of("true"), null).plan();

        DryRunOutcome outcome = runner.dryRun(plan);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.error().sqlState()).isEqualTo("42P01");
        assertThat(outcome.error().message()).contains("missing");
        assertThat(outcome.error().statementIndex()).isZero();
    }

    @Test
    void applying_commits_the_plan_and_a_second_apply_runs_nothing() throws SQLException {
        ChangeId changeId = ChangeId.of("apply-once");

        ApplyOutcome first = runner.apply(changeId, 1, trigger("stamp_once"));
        ApplyOutcome second = runner.apply(changeId, 1, trigger("stamp_once"));

        assertThat(first.result()).isEqualTo(ApplyResult.APPLIED);
        // Run twice, CREATE TRIGGER would fail with 42710: the ledger kept it from running.
        assertThat(second.result()).isEqualTo(ApplyResult.ALREADY_APPLIED);
        assertThat(count("SELECT count(*) FROM pg_trigger WHERE tgname = 'stamp_once'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM planetary.applied_change WHERE change_id = 'apply-once'")).isEqualTo(1);
    }

    @Test
    void a_failing_statement_rolls_back_the_whole_plan() throws SQLException {
        Plan plan = PlanBuilder.summarised("two steps")
                .statement(policy("first_step").statements().get(0).sql())
                .statement("ALTER TABLE \"Mixed Case\".nowhere ENABLE ROW LEVEL SECURITY")
                .build();

        ApplyOutcome outcome = runner.apply(ChangeId.of("half"), 1, plan);

        assertThat(outcome.result()).isEqualTo(ApplyResult.FAILED);
        assertThat(outcome.error().sqlState()).isEqualTo("42P01");
        assertThat(outcome.error().statementIndex()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM pg_policies WHERE policyname = 'first_step'")).isZero();
        assertThat(count("SELECT count(*) FROM planetary.applied_change WHERE change_id = 'half'")).isZero();
    }

    @Test
    void a_lock_held_past_lock_timeout_fails_the_apply_with_55P03() throws SQLException {
        try (Connection holder = server.connect(database); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE \"Mixed Case\".\"or\"\"ders\" IN ACCESS EXCLUSIVE MODE");

            ApplyOutcome outcome = runner.apply(ChangeId.of("locked"), 1, policy("locked_policy"));

            assertThat(outcome.result()).isEqualTo(ApplyResult.FAILED);
            assertThat(outcome.error().sqlState()).isEqualTo("55P03");
            assertThat(outcome.error().message()).contains("lock timeout");
            holder.rollback();
        }
        assertThat(count("SELECT count(*) FROM planetary.applied_change WHERE change_id = 'locked'")).isZero();
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
