package dev.planetary.kernel.spec.trigger;

import dev.planetary.kernel.ddl.TriggerEnablement;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

/** ALTER TABLE ... ENABLE / DISABLE TRIGGER. */
public record TriggerEnablementSpec(QualifiedName table, Identifier name, boolean enabled) implements ChangeSpec {

    public static final String KIND = "trigger-enablement";

    public TriggerEnablementSpec {
        SpecViolation.required("table", table);
        SpecViolation.required("name", name);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        TriggerEnablement statement = new TriggerEnablement(table, name, enabled);
        PlanBuilder plan = PlanBuilder.summarised((enabled ? "Enable" : "Disable") + " trigger " + name.name() + " on " + table.display())
                .touches(ObjectRef.table(table))
                .touches(ObjectRef.trigger(table, name))
                .changes(CatalogEffect.trigger(table, name))
                .statement(statement.sql())
                .inverse(statement.inverse().sql());
        if (!enabled) {
            plan.highRisk("disables a trigger: the validation or bookkeeping it does stops");
        }
        return plan.build();
    }
}
