package dev.planetary.kernel.spec.index;

import dev.planetary.kernel.ddl.DropIndex;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.QualifiedName;

/**
 * Drops an index, CONCURRENTLY unless {@code concurrently} is false (then it may CASCADE to the
 * constraints that use it). Reads and writes go on while a concurrent drop waits for them.
 */
public record DropIndexSpec(QualifiedName index, Boolean concurrently, boolean cascade) implements ChangeSpec {

    public static final String KIND = "drop-index";

    public DropIndexSpec {
        SpecViolation.required("index", index);
        concurrently = concurrently == null ? !cascade : concurrently;
        if (concurrently && cascade) {
            throw new SpecViolation("cascade", "a concurrent drop cannot CASCADE (PostgreSQL refuses it)");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        DropIndex drop = new DropIndex(index, concurrently, false, cascade);
        PlanBuilder plan = PlanBuilder.summarised("Drop index " + index.display() + (concurrently ? ", concurrently" : "")
                        + (cascade ? ", with what depends on it" : ""))
                .touches(ObjectRef.index(index))
                .changes(CatalogEffect.relation(index))
                .changes(CatalogEffect.relationPrivileges(index))
                .noInverse("re-create the index with create-index: its definition is on the table's catalog page")
                .highRisk("drops an index: queries that used it get slower, and a unique index's guarantee goes with it");
        if (concurrently) {
            plan.statementOutsideTransaction(drop.sql(),
                    OutsideTransaction.rehearsedAs(drop.inTransaction().sql(), OutsideTransaction.Progress.NONE));
        } else {
            plan.statement(drop.sql());
        }
        if (cascade) {
            plan.dropsDependents().highRisk("CASCADE also drops the constraints that use the index");
        }
        return plan.build();
    }
}
