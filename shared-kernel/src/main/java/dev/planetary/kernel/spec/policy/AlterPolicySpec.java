package dev.planetary.kernel.spec.policy;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.ddl.Policy;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;

/**
 * ALTER POLICY: replaces the roles, the USING expression and/or the WITH CHECK expression. A field
 * left out keeps its current value. The policy's command is not known from the spec, so which
 * expressions it accepts is left to the dry-run.
 */
public record AlterPolicySpec(
        QualifiedName table,
        Identifier name,
        List<Grantee> roles,
        SqlFragment using,
        SqlFragment withCheck) implements ChangeSpec {

    public static final String KIND = "alter-policy";

    public AlterPolicySpec {
        SpecViolation.required("table", table);
        SpecViolation.required("name", name);
        roles = roles == null || roles.isEmpty() ? null : SpecViolation.noNulls("roles", roles).stream().distinct().toList();
        if (roles == null && using == null && withCheck == null) {
            throw new SpecViolation("using", "say what to change: roles, USING or WITH CHECK");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised("Alter policy " + name.name() + " on " + table.display())
                .touches(ObjectRef.table(table))
                .touches(ObjectRef.policy(table, name))
                .changes(CatalogEffect.policy(table, name))
                .statement(Policy.alter(name, table, roles, using, withCheck))
                .noInverse("the policy's current definition is not part of this change");
        PolicyExpressions.lint(plan, using, withCheck);
        plan.finding(LintFinding.info("policy-replaced", "the new clauses replace the old ones: compare them before approving"));
        return plan.build();
    }
}
