package dev.planetary.kernel.spec.policy;

import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;

/** The checks and review notes that CREATE POLICY and ALTER POLICY share (kernel.ddl.Policy renders them). */
public final class PolicyExpressions {

    private PolicyExpressions() {
    }

    public static void check(PolicyCommand command, SqlFragment using, SqlFragment withCheck) {
        if (using != null && !command.takesUsing()) {
            throw new SpecViolation("using", "a " + command + " policy has no USING expression; use WITH CHECK");
        }
        if (withCheck != null && !command.takesWithCheck()) {
            throw new SpecViolation("withCheck", "a " + command + " policy has no WITH CHECK expression; use USING");
        }
    }

    public static void lint(PlanBuilder plan, SqlFragment using, SqlFragment withCheck) {
        if (alwaysTrue(using)) {
            plan.finding(LintFinding.warning("policy-always-true", "USING (true) lets the policy's roles see every row"));
        }
        if (alwaysTrue(withCheck)) {
            plan.finding(LintFinding.warning("policy-always-true", "WITH CHECK (true) lets the policy's roles write any row"));
        }
    }

    private static boolean alwaysTrue(SqlFragment fragment) {
        return fragment != null && fragment.sql().replaceAll("[()\\s]", "").equalsIgnoreCase("true");
    }
}
