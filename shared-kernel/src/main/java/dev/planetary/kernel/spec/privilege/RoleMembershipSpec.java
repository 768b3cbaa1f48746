package dev.planetary.kernel.spec.privilege;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.ddl.Grant;
import dev.planetary.kernel.ddl.RoleGrant;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Identifier;

/** GRANT role TO member, or REVOKE it. For REVOKE, {@code withAdminOption} revokes only the admin option. */
public record RoleMembershipSpec(
        PrivilegeAction action,
        Identifier role,
        Identifier member,
        boolean withAdminOption) implements ChangeSpec {

    public static final String KIND = "role-membership";

    public RoleMembershipSpec {
        SpecViolation.required("action", action);
        SpecViolation.required("role", role);
        SpecViolation.required("member", member);
        if (role.equals(member)) {
            throw new SpecViolation("member", "a role cannot be a member of itself");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised(summary())
                .touches(ObjectRef.role(role))
                .touches(ObjectRef.role(member))
                .changes(CatalogEffect.membership(role))
                .highRisk("changes role membership: " + member.name() + " " + (action == PrivilegeAction.GRANT ? "gains" : "loses")
                        + " everything " + role.name() + " may do");
        RoleGrant statement = new RoleGrant(Grant.Action.valueOf(action.name()), role, member, withAdminOption);
        plan.statement(statement.sql()).inverse(statement.inverse().sql());
        if (action == PrivilegeAction.GRANT && withAdminOption) {
            plan.finding(LintFinding.warning("admin-option",
                    "WITH ADMIN OPTION lets " + member.name() + " add and remove other members of " + role.name()));
        }
        if (role.name().startsWith("planetary_")) {
            plan.finding(LintFinding.warning("planetary-right", "changes who may do what in Planetary itself"));
        }
        return plan.build();
    }

    private String summary() {
        if (action == PrivilegeAction.GRANT) {
            return "Make " + member.name() + " a member of " + role.name() + (withAdminOption ? " with admin option" : "");
        }
        return withAdminOption
                ? "Revoke admin option on " + role.name() + " from " + member.name()
                : "Remove " + member.name() + " from " + role.name();
    }
}
