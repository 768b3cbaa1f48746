package dev.planetary.kernel.spec;

import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Grantee;

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

    static String render(PrivilegeAction action, String privileges, String onObject, Grantee grantee, boolean grantOption) {
        if (action == PrivilegeAction.GRANT) {
            return "GRANT " + privileges + " ON " + onObject + " TO " + grantee.sql()
                    + (grantOption ? " WITH GRANT OPTION" : "");
        }
        return "REVOKE " + (grantOption ? "GRANT OPTION FOR " : "") + privileges + " ON " + onObject
                + " FROM " + grantee.sql();
    }

    /**
     * Adds the statement, its inverse, the risk and the findings every privilege change shares.
     * The inverse of a GRANT is a full REVOKE; the inverse of REVOKE GRANT OPTION FOR is a GRANT
     * WITH GRANT OPTION.
     */
    static PlanBuilder plan(PlanBuilder plan, PrivilegeAction action, String privileges, String onObject,
                            Grantee grantee, boolean grantOption) {
        plan.statement(render(action, privileges, onObject, grantee, grantOption));
        if (action == PrivilegeAction.GRANT) {
            plan.inverse(render(PrivilegeAction.REVOKE, privileges, onObject, grantee, false));
            if (grantOption) {
                plan.finding(LintFinding.warning("grant-option",
                        "WITH GRANT OPTION lets " + grantee.display() + " pass the privilege on to other roles"));
            }
            if (grantee.isPublic()) {
                plan.finding(LintFinding.warning("grant-to-public",
                        "PUBLIC means every role, including roles created later"));
            }
        } else {
            plan.inverse(render(PrivilegeAction.GRANT, privileges, onObject, grantee, grantOption));
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
