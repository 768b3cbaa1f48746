package dev.planetary.kernel.spec.maintenance;

import dev.planetary.kernel.ddl.StorageParameter;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanStep;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.spec.Hostile;
import dev.planetary.kernel.spec.StorageFacts;
import dev.planetary.kernel.sql.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceSpecsTest {

    @Test
    void storage_parameters_are_set_and_reset_and_the_inverse_puts_back_what_was_there() {
        TableStorageSpec spec = new TableStorageSpec(TABLE, Map.of(StorageParameter.FILLFACTOR, "70",
                StorageParameter.AUTOVACUUM_VACUUM_SCALE_FACTOR, "0.050"), List.of(StorageParameter.PARALLEL_WORKERS), null)
                .withFacts(new StorageFacts(Map.of(StorageParameter.FILLFACTOR, "90", StorageParameter.PARALLEL_WORKERS, "4")));
        Plan plan = spec.plan();
        assertThat(statements(plan)).containsExactly(
                "ALTER TABLE \"Mixed Case\".\"a\"\"b\" SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05)",
                "ALTER TABLE \"Mixed Case\".\"a\"\"b\" RESET (parallel_workers)");
        assertThat(Hostile.inverse(plan)).containsExactly(
                "ALTER TABLE \"Mixed Case\".\"a\"\"b\" SET (fillfactor = 90, parallel_workers = 4)",
                "ALTER TABLE \"Mixed Case\".\"a\"\"b\" RESET (autovacuum_vacuum_scale_factor)");
        assertThat(plan.effects()).containsExactly(CatalogEffect.relation(TABLE));
        assertThat(rules(plan)).contains("fillfactor-later");
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void turning_autovacuum_off_is_high_risk_and_values_are_checked_against_their_type_and_range() {
        Plan off = new TableStorageSpec(TABLE, Map.of(StorageParameter.AUTOVACUUM_ENABLED, "off"), null, null).plan();
        assertThat(statements(off)).containsExactly("ALTER TABLE \"Mixed Case\".\"a\"\"b\" SET (autovacuum_enabled = false)");
        assertThat(off.risk()).isEqualTo(RiskLevel.HIGH);
        assertViolation("set", () -> new TableStorageSpec(TABLE, Map.of(StorageParameter.FILLFACTOR, "5"), null, null));
        assertViolation("set", () -> new TableStorageSpec(TABLE, Map.of(StorageParameter.FILLFACTOR, "70); DROP TABLE x; --"), null, null));
        assertViolation("set", () -> new TableStorageSpec(TABLE, Map.of(StorageParameter.PARALLEL_WORKERS, "1.5"), null, null));
        assertViolation("set", () -> new TableStorageSpec(TABLE, Map.of(StorageParameter.AUTOVACUUM_ENABLED, "maybe"), null, null));
        assertViolation("set", () -> new TableStorageSpec(TABLE, Map.of(), List.of(), null));
        assertViolation("reset", () -> new TableStorageSpec(TABLE, Map.of(StorageParameter.FILLFACTOR, "70"),
                List.of(StorageParameter.FILLFACTOR), null));
    }

    private static final QualifiedName OTHER = QualifiedName.of("app", "\"; DROP TABLE x; --");

    @Test
    void each_table_is_vacuumed_in_a_step_of_its_own_rehearsed_by_taking_the_same_lock() {
        Plan plan = new VacuumSpec(List.of(TABLE, OTHER), null, null, true).plan();
        assertThat(statements(plan)).containsExactly("VACUUM (ANALYZE) \"Mixed Case\".\"a\"\"b\"",
                "VACUUM (ANALYZE) \"app\".\"\"\"; DROP TABLE x; --\"");
        assertThat(plan.steps()).extracting(PlanStep::transactional).containsExactly(false, false);
        OutsideTransaction how = plan.statements().get(0).outside();
        assertThat(how.rehearsal()).isEqualTo("LOCK TABLE \"Mixed Case\".\"a\"\"b\" IN SHARE UPDATE EXCLUSIVE MODE");
        assertThat(how.progress()).isEqualTo(OutsideTransaction.Progress.VACUUM);
        assertThat(plan.inverse()).isEmpty();
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
        assertThat(plan.summary()).isEqualTo("Vacuum (analyze) Mixed Case.a\"b, app.\"; DROP TABLE x; --");
    }

    @Test
    void vacuum_full_is_high_risk_takes_access_exclusive_and_reports_through_the_cluster_view() {
        Plan plan = new VacuumSpec(List.of(TABLE), true, true, false).plan();
        assertThat(statements(plan)).containsExactly("VACUUM (FULL, FREEZE) \"Mixed Case\".\"a\"\"b\"");
        OutsideTransaction how = plan.statements().get(0).outside();
        assertThat(how.rehearsal()).isEqualTo("LOCK TABLE \"Mixed Case\".\"a\"\"b\" IN ACCESS EXCLUSIVE MODE");
        assertThat(how.progress()).isEqualTo(OutsideTransaction.Progress.CLUSTER);
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(rules(plan)).contains("blocks-everything");
    }

    @Test
    void no_table_named_vacuums_and_analyzes_every_table_the_login_owns() {
        Plan vacuum = new VacuumSpec(null, false, false, false).plan();
        assertThat(statements(vacuum)).containsExactly("VACUUM");
        assertThat(vacuum.statements().get(0).outside().rehearsal()).isNull();
        assertThat(rules(vacuum)).contains("every-table");
        Plan analyze = new AnalyzeSpec(List.of()).plan();
        assertThat(statements(analyze)).containsExactly("ANALYZE");
        assertThat(analyze.runsOutsideTransaction()).isFalse();
    }

    @Test
    void analyze_runs_in_the_transaction_one_statement_per_table() {
        Plan plan = new AnalyzeSpec(List.of(TABLE, OTHER)).plan();
        assertThat(statements(plan)).containsExactly("ANALYZE \"Mixed Case\".\"a\"\"b\"", "ANALYZE \"app\".\"\"\"; DROP TABLE x; --\"");
        assertThat(plan.runsOutsideTransaction()).isFalse();
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void a_table_named_twice_or_too_many_tables_are_refused() {
        assertViolation("tables", () -> new VacuumSpec(List.of(TABLE, TABLE), null, null, null));
        List<QualifiedName> many = new ArrayList<>();
        for (int i = 0; i <= MaintainedTables.MAX; i++) {
            many.add(QualifiedName.of("app", "t" + i));
        }
        assertViolation("tables", () -> new AnalyzeSpec(many));
    }
}
