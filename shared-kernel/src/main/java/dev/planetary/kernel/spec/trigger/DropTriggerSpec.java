package dev.planetary.kernel.spec.trigger;

import dev.planetary.kernel.ddl.DropTrigger;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

/** DROP TRIGGER. */
public record DropTriggerSpec(QualifiedName table, Identifier name) implements ChangeSpec {

    public static final String KIND = "drop-trigger";

    public DropTriggerSpec {
        SpecViolation.required("table", table);
        SpecViolation.required("name", name);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        return PlanBuilder.summarised("Drop trigger " + name.name() + " on " + table.display())
                .touches(ObjectRef.table(table))
                .touches(ObjectRef.trigger(table, name))
                .changes(CatalogEffect.trigger(table, name))
                .statement(new DropTrigger(name, table).sql())
                .noInverse("the trigger's definition is not part of this change")
                .highRisk("drops a trigger: the validation or bookkeeping it does stops")
                .build();
    }
}
