package dev.planetary.kernel.spec.maintenance;

import dev.planetary.kernel.ddl.Analyze;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;

/**
 * ANALYZE the tables named or, with none named, every table the login owns: fresh statistics for the
 * planner. It runs in a transaction, so the dry-run runs it for real and rolls it back.
 */
public record AnalyzeSpec(List<QualifiedName> tables) implements ChangeSpec {

    public static final String KIND = "analyze";

    public AnalyzeSpec {
        tables = MaintainedTables.of(tables);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised("Analyze " + MaintainedTables.describe(tables))
                .noInverse("maintenance: nothing to undo (the planner's statistics are refreshed)");
        if (tables.isEmpty()) {
            plan.statement(new Analyze(null).sql()).finding(LintFinding.info("every-table",
                    "analyzes every table Planetary's login owns; tables of other owners are skipped with a warning"));
        }
        for (QualifiedName table : tables) {
            plan.touches(ObjectRef.table(table)).statement(new Analyze(table).sql());
        }
        return plan.build();
    }
}
