package dev.planetary.kernel.spec.audit;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlLiteral;

/**
 * Audit every new table of a schema from its creation on ({@code auto = true}), or stop doing so.
 * The target's DDL recorder (an event trigger) attaches the audit trigger when a table is created
 * in a listed schema; this change edits the list.
 */
public record AuditSchemaSpec(Identifier schema, boolean auto) implements ChangeSpec {

    public static final String KIND = "audit-schema";
    private static final dev.planetary.kernel.sql.QualifiedName LIST = new dev.planetary.kernel.sql.QualifiedName(
            ConnectAuditSpec.PLATFORM, Identifier.of("audit_auto_schema"));

    public AuditSchemaSpec {
        SpecViolation.required("schema", schema);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        String add = "INSERT INTO " + LIST.quoted() + " (schema_name) VALUES (" + SqlLiteral.string(schema.name())
                + ") ON CONFLICT DO NOTHING";
        String remove = "DELETE FROM " + LIST.quoted() + " WHERE schema_name = " + SqlLiteral.string(schema.name());
        PlanBuilder plan = PlanBuilder.summarised((auto ? "Audit every new table of schema " : "Stop auditing new tables of schema ")
                        + schema.name() + " from its creation on")
                .touches(ObjectRef.schema(schema));
        if (auto) {
            plan.statement(add).inverse(remove);
        } else {
            plan.statement(remove).inverse(add).highRisk("new tables of " + schema.name() + " will not be audited");
        }
        return plan.build();
    }
}
