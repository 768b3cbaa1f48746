package dev.planetary.command.target;

import dev.planetary.command.target.PlanRunner.ApplyResult;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.QualifiedName;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two GRANTs on one table take no lock that orders them: the second waits for the first's catalog
 * row and, once the first commits, fails with "tuple concurrently updated". That says nothing about
 * the plan (it happened under load, a dry-run or an apply racing another change's), so the dry-run
 * and a transactional apply run again instead of reporting it as the plan's failure.
 */
class CatalogRaceIT {

    private static TestTarget target;

    @BeforeAll
    static void createTarget() {
        target = TestTarget.create("catalog_race", Duration.ofSeconds(10), "CREATE TABLE raced (id int)",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'race_reader') THEN CREATE ROLE race_reader; END IF; END $$");
    }

    @AfterAll
    static void close() {
        target.close();
    }

    private static Plan grant(TablePrivilege privilege) {
        return new TablePrivilegeSpec(PrivilegeAction.GRANT, List.of(privilege), QualifiedName.of("public", "raced"), null,
                Grantee.of("race_reader"), false).plan();
    }

    @Test
    void a_dry_run_that_lost_the_race_on_a_catalog_row_is_rehearsed_again_and_passes() throws Exception {
        DryRunOutcome outcome = whileAnotherSessionGrants(() -> target.runner().dryRun(grant(TablePrivilege.SELECT)));
        assertThat(outcome.passed()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void a_transactional_apply_that_lost_the_race_runs_again_and_is_applied_once() throws Exception {
        ChangeId changeId = ChangeId.random();
        PlanRunner.ApplyOutcome outcome = whileAnotherSessionGrants(() -> target.runner().apply(changeId, 1, grant(TablePrivilege.UPDATE)));
        assertThat(outcome.result()).as(String.valueOf(outcome.error())).isEqualTo(ApplyResult.APPLIED);
        assertThat(target.count("SELECT count(*) FROM planetary.applied_change WHERE change_id = '" + changeId + "'")).isEqualTo(1);
        assertThat(target.count("SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = 'race_reader'"
                + " AND privilege_type = 'UPDATE'")).isEqualTo(1);
    }

    /**
     * Another session grants on the same table and holds its transaction open; {@code work} starts and
     * waits for that session's catalog row; then the other session commits, and {@code work} loses the race.
     */
    private static <T> T whileAnotherSessionGrants(Supplier<T> work) throws Exception {
        try (Connection other = target.connect(); Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            sql.execute("GRANT INSERT ON raced TO race_reader");
            CompletableFuture<T> racing = CompletableFuture.supplyAsync(work);
            Awaitility.await("the racing statement waiting for the other session's row").atMost(Duration.ofSeconds(10))
                    .until(() -> target.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND wait_event_type = 'Lock'") > 0);
            other.commit();
            return racing.get();
        }
    }
}
