package dev.planetary.kernel.spec.policy;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.Sql;

import dev.planetary.kernel.ddl.Policy;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
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

/** CREATE POLICY. No roles means PUBLIC; USING and WITH CHECK are the user's SQL, shown verbatim. */
public record CreatePolicySpec(
        QualifiedName table,
        Identifier name,
        PolicyMode mode,
        PolicyCommand command,
        List<Grantee> roles,
        SqlFragment using,
        SqlFragment withCheck) implements ChangeSpec {

    public static final String KIND = "create-policy";

    public CreatePolicySpec {
        SpecViolation.required("table", table);
        SpecViolation.required("name", name);
        mode = mode == null ? PolicyMode.PERMISSIVE : mode;
        command = command == null ? PolicyCommand.ALL : command;
        roles = roles == null ? List.of() : SpecViolation.noNulls("roles", roles).stream().distinct().toList();
        if (using == null && withCheck == null) {
            throw new SpecViolation(command == PolicyCommand.INSERT ? "withCheck" : "using",
                    "a policy needs a USING or a WITH CHECK expression");
        }
        PolicyExpressions.check(command, using, withCheck);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        String to = roles.isEmpty() ? "PUBLIC" : Sql.names(roles);
        PlanBuilder plan = PlanBuilder.summarised("Create " + mode.name().toLowerCase() + " policy " + name.name()
                        + " on " + table.display() + " for " + command + " to " + to)
                .touches(ObjectRef.table(table))
                .touches(ObjectRef.policy(table, name))
                .changes(CatalogEffect.policy(table, name))
                .statement(Policy.create(name, table, mode, command, roles, using, withCheck))
                .inverse(Policy.drop(name, table));
        PolicyExpressions.lint(plan, using, withCheck);
        if (mode == PolicyMode.RESTRICTIVE) {
            plan.finding(LintFinding.info("restrictive-needs-permissive",
                    "a restrictive policy only narrows access: a permissive policy must still allow the rows"));
        }
        if (roles.isEmpty() || roles.contains(Grantee.PUBLIC)) {
            plan.finding(LintFinding.info("policy-for-public", "the policy applies to every role"));
        }
        plan.finding(LintFinding.info("policy-needs-rls",
                "policies apply only while row-level security is enabled on " + table.display()));
        return plan.build();
    }
}
