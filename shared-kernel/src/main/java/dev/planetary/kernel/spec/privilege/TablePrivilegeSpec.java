package dev.planetary.kernel.spec.privilege;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.Sql;

import dev.planetary.kernel.ddl.Grant;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;
import java.util.stream.Collectors;

/** GRANT or REVOKE privileges on a table or view, optionally per column. */
public record TablePrivilegeSpec(
        PrivilegeAction action,
        List<TablePrivilege> privileges,
        QualifiedName table,
        List<Identifier> columns,
        Grantee grantee,
        boolean withGrantOption) implements ChangeSpec {

    public static final String KIND = "table-privilege";

    public TablePrivilegeSpec {
        SpecViolation.required("action", action);
        SpecViolation.required("table", table);
        SpecViolation.required("grantee", grantee);
        if (privileges == null || privileges.isEmpty()) {
            throw new SpecViolation("privileges", "choose at least one privilege");
        }
        privileges = Sql.sorted(SpecViolation.noNulls("privileges", privileges));
        columns = columns == null ? List.of() : SpecViolation.noNulls("columns", columns).stream().distinct().toList();
        GrantStatements.checkGrantOption(action, grantee, withGrantOption);
        if (!columns.isEmpty()) {
            for (TablePrivilege privilege : privileges) {
                if (!privilege.columnLevel()) {
                    throw new SpecViolation("columns", privilege + " cannot be granted per column; only SELECT, INSERT, UPDATE and REFERENCES can");
                }
            }
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        String privilegeWords = Sql.names(privileges) + (columns.isEmpty() ? "" : " (" + Sql.names(columns) + ")");
        PlanBuilder plan = PlanBuilder.summarised(
                        GrantStatements.summary(action, privilegeWords, table.display(), grantee, withGrantOption))
                .touches(ObjectRef.table(table))
                .changes(CatalogEffect.relationPrivileges(table));
        if (!grantee.isPublic()) {
            plan.touches(ObjectRef.role(grantee.role()));
        }
        GrantStatements.plan(plan, GrantStatements.statement(action, Grant.Privilege.all(privileges, columns), Grant.Target.TABLE,
                table.quoted(), grantee, withGrantOption));
        if (action == PrivilegeAction.GRANT && privileges.contains(TablePrivilege.TRUNCATE)) {
            plan.finding(LintFinding.warning("truncate-bypasses-rls",
                    "TRUNCATE is not subject to row-level security and fires no DELETE triggers"));
        }
        return plan.build();
    }
}
