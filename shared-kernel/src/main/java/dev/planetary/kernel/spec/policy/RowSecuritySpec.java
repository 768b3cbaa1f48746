package dev.planetary.kernel.spec.policy;

import dev.planetary.kernel.ddl.RowSecurity;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.QualifiedName;

/** Turns row-level security on or off for a table, or forces it on the table's owner too. */
public record RowSecuritySpec(QualifiedName table, RowSecurityAction action) implements ChangeSpec {

    public static final String KIND = "row-security";

    public RowSecuritySpec {
        SpecViolation.required("table", table);
        SpecViolation.required("action", action);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        RowSecurity statement = new RowSecurity(table, action.statement());
        PlanBuilder plan = PlanBuilder.summarised(action.sql().charAt(0) + action.sql().substring(1).toLowerCase()
                        + " on " + table.display())
                .touches(ObjectRef.table(table))
                .changes(CatalogEffect.rowSecurity(table))
                .statement(statement.sql())
                .inverse(statement.inverse().sql());
        if (action == RowSecurityAction.DISABLE) {
            plan.highRisk("disables row-level security: every policy on the table stops applying");
        } else if (action == RowSecurityAction.NO_FORCE) {
            plan.highRisk("stops forcing row-level security: the table owner bypasses the policies again");
        } else if (action == RowSecurityAction.ENABLE) {
            plan.finding(LintFinding.info("rls-default-deny",
                    "with row-level security on and no policy, roles other than the owner see no rows"));
        } else {
            plan.finding(LintFinding.info("rls-force",
                    "the owner is then subject to the policies too; superusers and BYPASSRLS roles still are not"));
        }
        return plan.build();
    }
}
