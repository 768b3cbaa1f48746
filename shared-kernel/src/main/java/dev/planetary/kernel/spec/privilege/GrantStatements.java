package dev.planetary.kernel.spec.privilege;

import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.ddl.Grant;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Grantee;

import java.util.List;

/**
 * GRANT and REVOKE share one shape across object kinds. For REVOKE, {@code grantOption} means
 * REVOKE GRANT OPTION FOR: only the right to pass the privilege on is taken away.
 */
final class GrantStatements {

    private GrantStatements() {
    }

    /** PostgreSQL: "grant options can only be granted to roles". */
    static void checkGrantOption(PrivilegeAction action, Grantee grantee, boolean grantOption) {
        if (grantOption && action == PrivilegeAction.GRANT && grantee.isPublic()) {
            throw new SpecViolation("withGrantOption", "grant options can only be given to roles, not to PUBLIC");
        }
    }

    /** The GRANT or REVOKE statement of a privilege change. */
    static Grant statement(PrivilegeAction action, List<Grant.Privilege> privileges, Grant.Target target, String object,
                           Grantee grantee, boolean grantOption) {
        return new Grant(Grant.Action.valueOf(action.name()), privileges, target, object, List.of(grantee), grantOption);
    }

    /**
     * Adds the statement, its inverse, the risk and the findings every privilege change shares.
     * The inverse of a GRANT is a full REVOKE; the inverse of REVOKE GRANT OPTION FOR is a GRANT
     * WITH GRANT OPTION.
     */
    static PlanBuilder plan(PlanBuilder plan, Grant statement) {
        boolean grantOption = statement.grantOption();
        Grantee grantee = statement.grantees().get(0);
        plan.statement(statement.sql()).inverse(statement.inverse().sql());
        if (statement.action() == Grant.Action.GRANT) {
            if (grantOption) {
                plan.finding(LintFinding.warning("grant-option",
                        "WITH GRANT OPTION lets " + grantee.display() + " pass the privilege on to other roles"));
            }
            if (grantee.isPublic()) {
                plan.finding(LintFinding.warning("grant-to-public",
                        "PUBLIC means every role, including roles created later"));
            }
        } else {
            plan.highRisk("revokes privileges: clients relying on them start failing");
        }
        return plan;
    }

    static String summary(PrivilegeAction action, String privileges, String onObject, Grantee grantee, boolean grantOption) {
        String base = action == PrivilegeAction.GRANT
                ? "Grant " + privileges + " on " + onObject + " to " + grantee.display() + (grantOption ? " with grant option" : "")
                : "Revoke " + (grantOption ? "grant option for " : "") + privileges + " on " + onObject + " from " + grantee.display();
        return base;
    }
}
