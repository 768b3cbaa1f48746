package dev.planetary.command.target;

import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.plan.LockPreview;
import dev.planetary.kernel.ddl.IndexKey;
import dev.planetary.kernel.plan.LockLint;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.index.CreateIndexSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dry-run reads the locks its own transaction took, and flags those that keep writers off a busy or large table. */
class LockPreviewIT {

    private static final QualifiedName PARCEL = QualifiedName.of("depot", "parcel");
    private static TestTarget target;
    private static PlanRunner runner;
    private static PlanRunner strict;

    @BeforeAll
    static void createTarget() {
        target = TestTarget.create("lock_preview", Duration.ofSeconds(2), "CREATE SCHEMA depot",
                "CREATE TABLE depot.parcel AS SELECT g AS id, (g % 50)::int AS zone FROM generate_series(1, 20000) g");
        runner = target.runner();
        DdlTargetProperties properties = target.properties();
        // a threshold the 20,000-row table is above
        strict = target.runner(new DdlTargetProperties(properties.url(), properties.ddl(), properties.lockTimeout(),
                properties.statementTimeout(), null, DataSize.ofKilobytes(64), null));
    }

    @AfterAll
    static void close() {
        target.close();
    }

    private static Plan index(boolean concurrently) {
        return new CreateIndexSpec(PARCEL, Identifier.of(concurrently ? "parcel_zone_cidx" : "parcel_zone_idx"), null,
                List.of(IndexKey.onColumn("zone")), null, null, false, concurrently).plan();
    }

    private static LockPreview on(DryRunOutcome outcome, String relation) {
        return outcome.locks().stream().filter(lock -> lock.relation().equals(relation)).findFirst()
                .orElseThrow(() -> new AssertionError("no lock on " + relation + " in " + outcome.locks()));
    }

    @Test
    void an_index_built_in_the_transaction_on_a_table_in_use_is_flagged_with_what_to_do_instead() throws Exception {
        try (Connection reader = target.connect(); Statement sql = reader.createStatement()) {
            reader.setAutoCommit(false);
            sql.executeQuery("SELECT count(*) FROM depot.parcel").close(); // an open transaction holding ACCESS SHARE

            DryRunOutcome outcome = runner.dryRun(index(false));

            assertThat(outcome.passed()).as(String.valueOf(outcome.error())).isTrue();
            LockPreview lock = on(outcome, "depot.parcel");
            assertThat(lock.mode()).isEqualTo("ShareLock");
            assertThat(lock.kind()).isEqualTo("table");
            assertThat(lock.sessions()).isEqualTo(1);
            assertThat(lock.sizeBytes()).isPositive();
            assertThat(lock.statement()).isEqualTo(1);
            assertThat(outcome.lockFindings()).singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo(LockLint.RULE);
                assertThat(finding.message()).contains("takes SHARE on depot.parcel", "1 session using it now", "CONCURRENTLY");
            });
            reader.rollback();
        }
    }

    @Test
    void a_concurrent_build_is_shown_with_the_lock_the_apply_takes_and_is_not_flagged() {
        DryRunOutcome outcome = runner.dryRun(index(true));

        LockPreview lock = on(outcome, "depot.parcel");
        assertThat(lock.mode()).isEqualTo("ShareUpdateExclusiveLock");
        assertThat(lock.rehearsedAs()).isEqualTo("ShareLock");
        assertThat(outcome.lockFindings()).isEmpty();
    }

    @Test
    void an_idle_table_above_the_size_threshold_is_flagged_too() {
        assertThat(runner.dryRun(index(false)).lockFindings()).as("idle and below 100 MB").isEmpty();
        assertThat(strict.dryRun(index(false)).lockFindings()).singleElement().asString().contains("depot.parcel");
    }
}
