package dev.planetary.kernel.spec.index;

import dev.planetary.kernel.ddl.DropIndex;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.IndexFacts;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.QualifiedName;

/**
 * Drops an index, CONCURRENTLY unless {@code concurrently} is false (then it may CASCADE to the
 * constraints that use it). Reads and writes go on while a concurrent drop waits for them.
 * {@code facts} are the index's, read by Planetary at proposal: the inverse runs the definition
 * PostgreSQL printed for it, concurrently when the drop was concurrent.
 */
public record DropIndexSpec(QualifiedName index, Boolean concurrently, boolean cascade, IndexFacts facts) implements ChangeSpec {

    public static final String KIND = "drop-index";

    public DropIndexSpec {
        SpecViolation.required("index", index);
        concurrently = concurrently == null ? !cascade : concurrently;
        if (concurrently && cascade) {
            throw new SpecViolation("cascade", "a concurrent drop cannot CASCADE (PostgreSQL refuses it)");
        }
    }

    public DropIndexSpec withFacts(IndexFacts facts) {
        return new DropIndexSpec(index, concurrently, cascade, SpecViolation.required("facts", facts));
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
        inverse(plan);
        return plan.build();
    }

    /**
     * The index built again from its definition. Not when a constraint needs it: re-creating the
     * index would not bring back the constraint CASCADE took along (and without CASCADE PostgreSQL
     * refuses the drop). Not for a partitioned index: its definition names the parent table ONLY,
     * while the drop took its partitions' indexes too.
     */
    private void inverse(PlanBuilder plan) {
        if (facts == null) {
            plan.noInverse("the index's definition is read from the catalog when the drop is proposed");
        } else if (!facts.constraints().isEmpty()) {
            plan.noInverse(String.join(", ", facts.constraints()) + " needs the index: dropping it takes the constraint"
                    + " along (CASCADE), and re-creating the index would not bring it back; re-add the constraint instead");
        } else if (facts.partitioned()) {
            plan.noInverse("a partitioned index takes its partitions' indexes along: re-create it with create-index on the table");
        } else {
            if (concurrently) {
                plan.inverseOutsideTransaction(facts.concurrently(), OutsideTransaction.buildsIndex(facts.definition(), index.quoted()));
            } else {
                plan.inverse(facts.definition());
            }
            plan.inverseNote("the undo builds the index again from the definition PostgreSQL printed for it at proposal;"
                    + " its comment, replica identity, CLUSTER mark and per-column statistics targets do not come back");
        }
    }
}
