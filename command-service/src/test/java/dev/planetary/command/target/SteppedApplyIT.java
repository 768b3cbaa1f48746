package dev.planetary.command.target;

import dev.planetary.command.target.PlanRunner.ApplyOutcome;
import dev.planetary.command.target.PlanRunner.ApplyResult;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.StepStatus;
import dev.planetary.kernel.ddl.IndexKey;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.index.CreateIndexSpec;
import dev.planetary.kernel.spec.index.ReindexSpec;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Plans with statements that run outside a transaction, applied step by step on a real server. */
class SteppedApplyIT {

    private static final QualifiedName EVENTS = QualifiedName.of("big", "Events");
    private static final QualifiedName LARGE = QualifiedName.of("big", "large");
    private static TestTarget target;
    private static PlanRunner runner;

    /** What the executor reported, step by step. */
    private record Reported(int step, StepStatus status, String note) {
    }

    @BeforeAll
    static void createTarget() {
        target = TestTarget.create("stepped_apply", Duration.ofSeconds(5),
                "CREATE SCHEMA big",
                "CREATE TABLE big.\"Events\" AS SELECT g AS id, (g % 100)::int AS kind FROM generate_series(1, 20000) g",
                // 2 million rows: a concurrent build long enough to report progress and to be interrupted
                "CREATE TABLE big.large AS SELECT g AS id, (g % 1000)::int AS bucket FROM generate_series(1, 2000000) g");
        runner = target.runner();
    }

    @AfterAll
    static void close() {
        target.close();
    }

    private static Plan index(QualifiedName table, String name, boolean unique, String... columns) {
        return new CreateIndexSpec(table, Identifier.of(name), null, java.util.Arrays.stream(columns).map(IndexKey::onColumn).toList(),
                null, null, unique, null).plan();
    }

    @Test
    void a_concurrent_index_is_dry_run_without_concurrently_and_applied_as_a_step_of_its_own() throws SQLException {
        Plan plan = index(EVENTS, "events_kind_idx", false, "kind");

        DryRunOutcome dryRun = runner.dryRun(plan);
        assertThat(dryRun.passed()).as(String.valueOf(dryRun.error())).isTrue();
        assertThat(dryRun.notes()).singleElement().asString().contains("transactional equivalent", "CREATE INDEX \"events_kind_idx\"");
        assertThat(indexState("big.events_kind_idx")).isEqualTo("missing");

        List<Reported> reported = new CopyOnWriteArrayList<>();
        ApplyOutcome outcome = runner.apply(ChangeId.of("cic-1"), 1, plan, null, recorder(reported), false);

        assertThat(outcome.result()).as(String.valueOf(outcome.error())).isEqualTo(ApplyResult.APPLIED);
        assertThat(indexState("big.events_kind_idx")).isEqualTo("valid");
        assertThat(reported).extracting(Reported::status).startsWith(StepStatus.STARTED).endsWith(StepStatus.FINISHED);
        assertThat(target.count("SELECT count(*) FROM planetary.applied_step WHERE change_id = 'cic-1'")).isEqualTo(1);
        assertThat(runner.apply(ChangeId.of("cic-1"), 1, plan, null, StepListener.NONE, true).result())
                .isEqualTo(ApplyResult.ALREADY_APPLIED);
    }

    @Test
    void a_unique_index_that_fails_on_duplicates_leaves_nothing_behind() throws SQLException {
        List<Reported> reported = new CopyOnWriteArrayList<>();
        ApplyOutcome outcome = runner.apply(ChangeId.of("cic-dup"), 1, index(EVENTS, "events_kind_key", true, "kind"),
                null, recorder(reported), false);

        assertThat(outcome.result()).isEqualTo(ApplyResult.FAILED);
        assertThat(outcome.error().sqlState()).isEqualTo("23505");
        assertThat(outcome.note()).contains("Nothing was done", "step 1 of 1 failed");
        assertThat(indexState("big.events_kind_key")).as("no INVALID index left").isEqualTo("missing");
        assertThat(reported).extracting(Reported::status).contains(StepStatus.CLEANED_UP, StepStatus.FAILED);
        assertThat(target.count("SELECT count(*) FROM planetary.applied_change WHERE change_id = 'cic-dup'")).isZero();
    }

    @Test
    void transactional_groups_and_steps_outside_run_in_order_and_a_failure_says_what_was_kept() throws SQLException {
        Plan plan = PlanBuilder.summarised("comment, then build, then a failing statement")
                .statement("COMMENT ON TABLE big.\"Events\" IS 'stepped'")
                .changes(dev.planetary.kernel.plan.CatalogEffect.relation(EVENTS))
                .statementOutsideTransaction(index(EVENTS, "events_id_idx", false, "id").statements().get(0).sql(),
                        index(EVENTS, "events_id_idx", false, "id").statements().get(0).outside())
                .statement("ALTER TABLE big.nowhere ADD COLUMN x int")
                .build();
        assertThat(plan.steps()).hasSize(3);

        ApplyOutcome outcome = runner.apply(ChangeId.of("mixed"), 1, plan, null, StepListener.NONE, false);

        assertThat(outcome.result()).isEqualTo(ApplyResult.FAILED);
        assertThat(outcome.error().sqlState()).isEqualTo("42P01");
        assertThat(outcome.note()).contains("Done and kept: step 1, step 2", "step 3 of 3 failed");
        assertThat(indexState("big.events_id_idx")).isEqualTo("valid");
        assertThat(target.count("SELECT count(*) FROM planetary.applied_step WHERE change_id = 'mixed'")).isEqualTo(2);
    }

    @Test
    void a_build_killed_mid_way_is_dropped_and_built_again_when_the_apply_resumes() throws Exception {
        Plan plan = index(LARGE, "large_bucket_idx", false, "bucket", "id");
        List<Reported> reported = new CopyOnWriteArrayList<>();
        CompletableFuture<ApplyOutcome> first = CompletableFuture.supplyAsync(
                () -> runner.apply(ChangeId.of("killed"), 1, plan, null, recorder(reported), false));

        // The build reports progress; then its backend dies, as when the application is killed.
        await().atMost(Duration.ofSeconds(60)).until(() -> reported.stream().anyMatch(r -> r.status() == StepStatus.PROGRESSED));
        try (Connection admin = target.connect(); Statement sql = admin.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_progress_create_index WHERE relid = 'big.large'::regclass");
        }
        ApplyOutcome interrupted = first.get();
        assertThat(interrupted.result()).isEqualTo(ApplyResult.FAILED);
        assertThat(indexState("big.large_bucket_idx")).as("the killed build left an INVALID index").isEqualTo("invalid");

        // The next start resumes the change: the INVALID index is dropped and built again.
        PlanRunner restarted = target.runner(target.properties());
        List<Reported> resumed = new CopyOnWriteArrayList<>();
        ApplyOutcome outcome = restarted.apply(ChangeId.of("killed"), 1, plan, null, recorder(resumed), true);

        assertThat(outcome.result()).as(String.valueOf(outcome.error())).isEqualTo(ApplyResult.APPLIED);
        assertThat(indexState("big.large_bucket_idx")).isEqualTo("valid");
        assertThat(resumed).extracting(Reported::status).contains(StepStatus.CLEANED_UP, StepStatus.FINISHED);
        assertThat(target.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
    }

    @Test
    void a_concurrent_reindex_runs_and_a_resumed_one_clears_leftover_copies() throws SQLException {
        target.execute("CREATE INDEX IF NOT EXISTS events_kind_id_idx ON big.\"Events\" (kind, id)");
        Plan plan = new ReindexSpec(null, QualifiedName.of("big", "events_kind_id_idx"), null).plan();

        ApplyOutcome outcome = runner.apply(ChangeId.of("reindex-1"), 1, plan, null, StepListener.NONE, true);

        assertThat(outcome.result()).as(String.valueOf(outcome.error())).isEqualTo(ApplyResult.APPLIED);
        assertThat(indexState("big.events_kind_id_idx")).isEqualTo("valid");
    }

    @Test
    void vacuum_and_cluster_steps_report_progress_from_their_own_views() throws SQLException {
        // A database of its own whose manual VACUUMs are throttled hard, so the vacuum runs for seconds.
        try (TestTarget throttled = TestTarget.create("stepped_maintenance", Duration.ofSeconds(5),
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET vacuum_cost_delay = ''4ms''', current_database());"
                        + " EXECUTE format('ALTER DATABASE %I SET vacuum_cost_limit = 200', current_database()); END $$",
                // autovacuum off: it must not clean the dead rows before the test's VACUUM does
                "CREATE TABLE churn WITH (autovacuum_enabled = off) AS"
                        + " SELECT g AS id, md5(g::text) AS payload FROM generate_series(1, 800000) g",
                "CREATE INDEX churn_payload_idx ON churn (payload)",
                "DELETE FROM churn WHERE id % 2 = 0",
                // written out, so the vacuum pays for dirtying every page it cleans (what the throttle counts)
                "CHECKPOINT",
                // large enough that CLUSTER's scan, sort and rewrite outlast the watcher's first reading
                "CREATE TABLE sorted WITH (autovacuum_enabled = off) AS"
                        + " SELECT g AS id, md5(g::text) AS payload FROM generate_series(1, 1500000) g",
                "CREATE INDEX sorted_payload_idx ON sorted (payload)")) {
            QualifiedName sorted = QualifiedName.of("public", "sorted");
            Plan plan = PlanBuilder.summarised("vacuum one table, then cluster another on its index")
                    .statementOutsideTransaction("VACUUM public.churn",
                            OutsideTransaction.rehearsedAs(null, OutsideTransaction.Progress.VACUUM))
                    .statementOutsideTransaction("CLUSTER public.sorted USING sorted_payload_idx",
                            OutsideTransaction.rehearsedAs(null, OutsideTransaction.Progress.CLUSTER))
                    .changes(CatalogEffect.relation(sorted))
                    .changes(CatalogEffect.relation(QualifiedName.of("public", "sorted_payload_idx")))
                    .build();
            Map<Integer, List<String>> phases = new ConcurrentHashMap<>();
            StepListener progress = (step, status, reading, millis, note) -> {
                if (status == StepStatus.PROGRESSED) {
                    phases.computeIfAbsent(step.number(), n -> new CopyOnWriteArrayList<>()).add(reading.phase());
                }
            };

            ApplyOutcome outcome = throttled.runner().apply(ChangeId.of("maintenance"), 1, plan, null, progress, false);

            assertThat(outcome.result()).as(String.valueOf(outcome.error())).isEqualTo(ApplyResult.APPLIED);
            // Phase names as pg_stat_progress_vacuum and pg_stat_progress_cluster spell them in PostgreSQL 15.
            assertThat(phases.get(1)).as("the vacuum's progress").isNotEmpty()
                    .allMatch(phase -> List.of("initializing", "scanning heap", "vacuuming indexes", "vacuuming heap",
                            "cleaning up indexes", "truncating heap", "performing final cleanup").contains(phase));
            assertThat(phases.get(2)).as("the cluster's progress").isNotEmpty()
                    .allMatch(phase -> List.of("initializing", "seq scanning heap", "index scanning heap", "sorting tuples",
                            "writing new heap", "swapping relation files", "rebuilding index",
                            "performing final cleanup").contains(phase));
            assertThat(throttled.count("SELECT count(*) FROM pg_index WHERE indisclustered")).isEqualTo(1);
        }
    }

    private static StepListener recorder(List<Reported> reported) {
        return (step, status, progress, millis, note) -> reported.add(new Reported(step.number(), status, note));
    }

    private static String indexState(String index) throws SQLException {
        try (Connection connection = target.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('" + index + "')")) {
            return !row.next() ? "missing" : row.getBoolean(1) ? "valid" : "invalid";
        }
    }

}
