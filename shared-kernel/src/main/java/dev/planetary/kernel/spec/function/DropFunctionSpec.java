package dev.planetary.kernel.spec.function;

import dev.planetary.kernel.ddl.DropFunction;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;

import java.util.List;

/** DROP FUNCTION, naming one overload by its identity argument types (the IN, INOUT and VARIADIC ones). */
public record DropFunctionSpec(QualifiedName name, List<TypeName> argumentTypes, boolean cascade) implements ChangeSpec {

    public static final String KIND = "drop-function";

    public DropFunctionSpec {
        SpecViolation.required("name", name);
        argumentTypes = argumentTypes == null ? List.of() : SpecViolation.noNulls("argumentTypes", argumentTypes);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        FunctionSignature signature = new FunctionSignature(name, argumentTypes);
        PlanBuilder plan = PlanBuilder.summarised("Drop function " + signature.display()
                        + (cascade ? " and everything that depends on it" : ""))
                .touches(ObjectRef.function(name))
                .changes(CatalogEffect.function(name))
                .statement(new DropFunction(signature.sql(), cascade).sql())
                .noInverse("the function's definition is not part of this change")
                .highRisk("drops a function: code that calls it fails from then on");
        if (cascade) {
            plan.dropsDependents();
            plan.finding(LintFinding.warning("drop-cascade",
                    "CASCADE also drops the triggers, views, column defaults and other objects that depend on the function, without listing them"));
        }
        return plan.build();
    }
}
