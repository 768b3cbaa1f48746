package dev.planetary.kernel.spec.view;

import dev.planetary.kernel.ddl.Drop;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.QualifiedName;

/** DROP VIEW, optionally CASCADE (the form shows what the cascade would take along). */
public record DropViewSpec(QualifiedName name, boolean cascade) implements ChangeSpec {

    public static final String KIND = "drop-view";

    public DropViewSpec {
        SpecViolation.required("name", name);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised("Drop view " + name.display() + (cascade ? " and everything that depends on it" : ""))
                .touches(ObjectRef.table(name))
                .changes(CatalogEffect.relation(name))
                .statement(new Drop(Drop.Kind.VIEW, name.quoted(), cascade).sql())
                .noInverse("the view's definition is not part of this change")
                .highRisk("clients using " + name.display() + " start failing");
        if (cascade) {
            plan.dropsDependents();
            plan.finding(LintFinding.warning("drop-cascade", "CASCADE also drops every object that depends on the view"));
        }
        return plan.build();
    }
}
