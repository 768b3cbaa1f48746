package dev.planetary.kernel.spec.maintenance;

import dev.planetary.kernel.ddl.LockTable;
import dev.planetary.kernel.ddl.Vacuum;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;

/**
 * VACUUM, with FULL, FREEZE and ANALYZE as asked, on the tables named (each its own step, with progress
 * from pg_stat_progress_vacuum, or pg_stat_progress_cluster for FULL) or, with none named, on every table
 * the login owns. The dry-run cannot run VACUUM in its transaction: it takes the lock VACUUM would take
 * instead, so a table that is missing, not Planetary's, or locked by another session fails there.
 */
public record VacuumSpec(List<QualifiedName> tables, Boolean full, Boolean freeze, Boolean analyze) implements ChangeSpec {

    public static final String KIND = "vacuum";

    public VacuumSpec {
        tables = MaintainedTables.of(tables);
        full = full != null && full;
        freeze = freeze != null && freeze;
        analyze = analyze != null && analyze;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        String options = (full ? " full" : "") + (freeze ? " freeze" : "") + (analyze ? " analyze" : "");
        PlanBuilder plan = PlanBuilder.summarised("Vacuum" + (options.isEmpty() ? "" : " (" + options.strip().replace(" ", ", ") + ")")
                        + " " + MaintainedTables.describe(tables))
                .noInverse("maintenance: nothing to undo");
        OutsideTransaction.Progress progress = full ? OutsideTransaction.Progress.CLUSTER : OutsideTransaction.Progress.VACUUM;
        if (tables.isEmpty()) {
            plan.statementOutsideTransaction(new Vacuum(null, full, freeze, analyze).sql(), OutsideTransaction.rehearsedAs(null, progress))
                    .finding(LintFinding.info("every-table", "vacuums every table Planetary's login owns, one after another;"
                            + " tables of other owners are skipped with a warning"));
        }
        LockTable.Mode lock = full ? LockTable.Mode.ACCESS_EXCLUSIVE : LockTable.Mode.SHARE_UPDATE_EXCLUSIVE;
        for (QualifiedName table : tables) {
            plan.touches(ObjectRef.table(table)).statementOutsideTransaction(new Vacuum(table, full, freeze, analyze).sql(),
                    OutsideTransaction.rehearsedAs(new LockTable(table, lock).sql(), progress));
        }
        if (full) {
            plan.highRisk("VACUUM FULL rewrites each table under an ACCESS EXCLUSIVE lock: no read or write gets through until it"
                            + " is done, and it needs free disk space for a full copy")
                    .finding(LintFinding.warning("blocks-everything", "VACUUM FULL locks out reads and writes for the whole rewrite;"
                            + " pg_repack does the same online where it is installed"));
        }
        return plan.build();
    }
}
