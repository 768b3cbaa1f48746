package dev.planetary.kernel.spec.audit;

import dev.planetary.kernel.ddl.CreateTrigger;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlLiteral;

import java.util.List;

/**
 * "Audit this table" ({@code audit = true}) or "stop auditing": the AFTER row trigger that writes
 * every insert, update and delete to the audit server (see {@link ConnectAuditSpec}). Fail-closed
 * unless {@code failOpen}, which lets writes through unaudited when the audit server is down and
 * is therefore itself a high-risk choice.
 */
public record AuditTableSpec(QualifiedName table, boolean audit, boolean failOpen) implements ChangeSpec {

    public static final String KIND = "audit-table";
    private static final Identifier TRIGGER = Identifier.of("planetary_audit");

    public AuditTableSpec {
        SpecViolation.required("table", table);
        if (!audit && failOpen) {
            throw new SpecViolation("failOpen", "fail-open applies only while the table is audited");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        CreateTrigger trigger = CreateTrigger.forEachRow(TRIGGER, CreateTrigger.Timing.AFTER,
                        List.of(CreateTrigger.Event.INSERT, CreateTrigger.Event.UPDATE, CreateTrigger.Event.DELETE), table,
                        ConnectAuditSpec.AUDIT_FUNCTION)
                .withArguments(failOpen ? List.of(SqlLiteral.plain("fail-open")) : List.of());
        String create = trigger.sql();
        String drop = trigger.inverse().sql();
        PlanBuilder plan = PlanBuilder.summarised((audit ? "Audit " : "Stop auditing ") + table.display()
                        + (audit ? (failOpen ? " (fail-open: writes go through when the audit server is down)"
                        : " (fail-closed: writes fail when the audit server is down)") : ""))
                .touches(ObjectRef.table(table))
                .touches(ObjectRef.trigger(table, TRIGGER))
                .changes(CatalogEffect.trigger(table, TRIGGER));
        if (audit) {
            plan.statement(create).inverse(drop);
            if (failOpen) {
                plan.highRisk("fail-open: while the audit server is unreachable, writes to " + table.display() + " go unaudited");
            }
        } else {
            plan.statement(drop).inverse(create);
            plan.highRisk("writes to " + table.display() + " stop being audited");
            plan.finding(LintFinding.warning("stop-auditing", "the audit trail of " + table.display() + " ends with this change"));
        }
        return plan.build();
    }
}
