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

import java.util.List;

/** GRANT or REVOKE USAGE / CREATE on a schema. */
public record SchemaPrivilegeSpec(
        PrivilegeAction action,
        List<SchemaPrivilege> privileges,
        Identifier schema,
        Grantee grantee,
        boolean withGrantOption) implements ChangeSpec {

    public static final String KIND = "schema-privilege";

    public SchemaPrivilegeSpec {
        SpecViolation.required("action", action);
        SpecViolation.required("schema", schema);
        SpecViolation.required("grantee", grantee);
        if (privileges == null || privileges.isEmpty()) {
            throw new SpecViolation("privileges", "choose USAGE, CREATE or both");
        }
        privileges = Sql.sorted(SpecViolation.noNulls("privileges", privileges));
        GrantStatements.checkGrantOption(action, grantee, withGrantOption);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        String privilegeSql = Sql.names(privileges);
        PlanBuilder plan = PlanBuilder.summarised(
                        GrantStatements.summary(action, privilegeSql, "schema " + schema.name(), grantee, withGrantOption))
                .touches(ObjectRef.schema(schema))
                .changes(CatalogEffect.schemaPrivileges(schema));
        if (!grantee.isPublic()) {
            plan.touches(ObjectRef.role(grantee.role()));
        }
        GrantStatements.plan(plan, GrantStatements.statement(action, Grant.Privilege.all(privileges, List.of()),
                Grant.Target.SCHEMA, schema.quoted(), grantee, withGrantOption));
        if (action == PrivilegeAction.GRANT && grantee.isPublic() && privileges.contains(SchemaPrivilege.CREATE)) {
            plan.finding(LintFinding.warning("public-create",
                    "CREATE for PUBLIC lets any role plant objects that shadow others on the search_path (CVE-2018-1058)"));
        }
        return plan.build();
    }
}
