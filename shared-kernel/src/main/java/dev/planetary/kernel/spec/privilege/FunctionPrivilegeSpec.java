package dev.planetary.kernel.spec.privilege;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.function.FunctionSignature;

import dev.planetary.kernel.ddl.Grant;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;

import java.util.List;

/** GRANT or REVOKE EXECUTE on one function, named by its argument types. */
public record FunctionPrivilegeSpec(
        PrivilegeAction action,
        QualifiedName function,
        List<TypeName> argumentTypes,
        Grantee grantee,
        boolean withGrantOption) implements ChangeSpec {

    public static final String KIND = "function-privilege";

    public FunctionPrivilegeSpec {
        SpecViolation.required("action", action);
        SpecViolation.required("function", function);
        SpecViolation.required("grantee", grantee);
        argumentTypes = argumentTypes == null ? List.of() : SpecViolation.noNulls("argumentTypes", argumentTypes);
        GrantStatements.checkGrantOption(action, grantee, withGrantOption);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        FunctionSignature signature = new FunctionSignature(function, argumentTypes);
        PlanBuilder plan = PlanBuilder.summarised(GrantStatements.summary(
                        action, "EXECUTE", "function " + signature.display(), grantee, withGrantOption))
                .touches(ObjectRef.function(function))
                .changes(CatalogEffect.functionPrivileges(function));
        if (!grantee.isPublic()) {
            plan.touches(ObjectRef.role(grantee.role()));
        }
        GrantStatements.plan(plan, GrantStatements.statement(action, List.of(Grant.Privilege.of("EXECUTE")),
                Grant.Target.FUNCTION, signature.sql(), grantee, withGrantOption));
        if (action == PrivilegeAction.REVOKE && !grantee.isPublic()) {
            plan.finding(LintFinding.info("public-execute",
                    "functions are executable by PUBLIC unless that was revoked; revoking from one role may change nothing"));
        }
        return plan.build();
    }
}
