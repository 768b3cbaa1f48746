package dev.planetary.kernel.spec.index;

import dev.planetary.kernel.ddl.Reindex;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.QualifiedName;

/**
 * Rebuilds an index, or every index of a table (bloat, corruption), CONCURRENTLY unless
 * {@code concurrently} is false: the old index serves queries until the new one replaces it.
 */
public record ReindexSpec(Reindex.Target target, QualifiedName name, Boolean concurrently) implements ChangeSpec {

    public static final String KIND = "reindex";

    public ReindexSpec {
        target = target == null ? Reindex.Target.INDEX : target;
        SpecViolation.required("name", name);
        concurrently = concurrently == null || concurrently;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        Reindex reindex = new Reindex(target, name, concurrently);
        String what = target == Reindex.Target.INDEX ? "index " + name.display() : "every index of table " + name.display();
        PlanBuilder plan = PlanBuilder.summarised("Rebuild " + what + (concurrently ? ", concurrently" : ""))
                .touches(target == Reindex.Target.INDEX ? ObjectRef.index(name) : ObjectRef.table(name))
                .changes(CatalogEffect.relation(name))
                .noInverse("nothing to undo: the index is rebuilt with the same definition");
        if (concurrently) {
            plan.statementOutsideTransaction(reindex.sql(), OutsideTransaction.rebuildsIndex(reindex.inTransaction().sql(), name.quoted()));
        } else {
            plan.statement(reindex.sql()).finding(LintFinding.warning("blocks-writes", "without CONCURRENTLY the rebuild"
                    + " locks out writes to the table, and reads that would use the index, until it is done"));
        }
        return plan.build();
    }
}
