package dev.planetary.kernel.spec.policy;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.ddl.Policy;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

/** DROP POLICY. */
public record DropPolicySpec(QualifiedName table, Identifier name) implements ChangeSpec {

    public static final String KIND = "drop-policy";

    public DropPolicySpec {
        SpecViolation.required("table", table);
        SpecViolation.required("name", name);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        return PlanBuilder.summarised("Drop policy " + name.name() + " on " + table.display())
                .touches(ObjectRef.table(table))
                .touches(ObjectRef.policy(table, name))
                .changes(CatalogEffect.policy(table, name))
                .statement(Policy.drop(name, table))
                .noInverse("the policy's definition is not part of this change")
                .highRisk("drops a policy: rows it allowed become invisible, or rows it restricted become visible")
                .build();
    }
}
