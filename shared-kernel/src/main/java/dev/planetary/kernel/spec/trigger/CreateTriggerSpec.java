package dev.planetary.kernel.spec.trigger;

import dev.planetary.kernel.ddl.CreateTrigger;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.Sql;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.SqlLiteral;

import java.util.List;

/**
 * CREATE TRIGGER calling an existing trigger function. The rules PostgreSQL enforces at CREATE
 * time (INSTEAD OF is row-level, without WHEN or a column list; TRUNCATE is statement-level; a
 * column list needs UPDATE) are checked here so the form can name the field.
 */
public record CreateTriggerSpec(
        QualifiedName table,
        Identifier name,
        TriggerTiming timing,
        List<TriggerEvent> events,
        List<Identifier> updateColumns,
        TriggerLevel level,
        SqlFragment when,
        QualifiedName function,
        List<String> arguments) implements ChangeSpec {

    public static final String KIND = "create-trigger";

    public CreateTriggerSpec {
        SpecViolation.required("table", table);
        SpecViolation.required("name", name);
        SpecViolation.required("timing", timing);
        SpecViolation.required("function", function);
        if (events == null || events.isEmpty()) {
            throw new SpecViolation("events", "choose at least one of INSERT, UPDATE, DELETE, TRUNCATE");
        }
        events = Sql.sorted(SpecViolation.noNulls("events", events));
        updateColumns = updateColumns == null ? List.of() : SpecViolation.noNulls("updateColumns", updateColumns).stream().distinct().toList();
        level = level == null ? TriggerLevel.ROW : level;
        arguments = arguments == null ? List.of() : SpecViolation.noNulls("arguments", arguments);
        if (!updateColumns.isEmpty() && !events.contains(TriggerEvent.UPDATE)) {
            throw new SpecViolation("updateColumns", "a column list applies to UPDATE only");
        }
        if (timing == TriggerTiming.INSTEAD_OF) {
            if (level != TriggerLevel.ROW) {
                throw new SpecViolation("level", "INSTEAD OF triggers must be FOR EACH ROW");
            }
            if (when != null) {
                throw new SpecViolation("when", "INSTEAD OF triggers cannot have a WHEN condition");
            }
            if (!updateColumns.isEmpty()) {
                throw new SpecViolation("updateColumns", "INSTEAD OF UPDATE triggers cannot have a column list");
            }
            if (events.contains(TriggerEvent.TRUNCATE)) {
                throw new SpecViolation("events", "INSTEAD OF triggers cannot fire on TRUNCATE");
            }
        }
        if (events.contains(TriggerEvent.TRUNCATE) && level != TriggerLevel.STATEMENT) {
            throw new SpecViolation("level", "TRUNCATE triggers must be FOR EACH STATEMENT");
        }
        for (String argument : arguments) {
            SpecViolation.sendable("arguments", argument, "a trigger argument");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        CreateTrigger statement = new CreateTrigger(name, timing.keyword(), events.stream().map(TriggerEvent::keyword).toList(),
                updateColumns, table, level.keyword(), when, function, arguments.stream().map(SqlLiteral::string).toList());
        String eventSql = statement.eventsSql();
        PlanBuilder plan = PlanBuilder.summarised("Create trigger " + name.name() + " " + timing.sql().toLowerCase() + " "
                        + eventSql.replace("\"", "").toLowerCase() + " on " + table.display() + " for each "
                        + level.name().toLowerCase() + ", calling " + function.display())
                .touches(ObjectRef.table(table))
                .touches(ObjectRef.trigger(table, name))
                .changes(CatalogEffect.trigger(table, name))
                .touches(ObjectRef.function(function))
                .statement(statement.sql())
                .inverse(statement.inverse().sql());
        if (timing == TriggerTiming.BEFORE && level == TriggerLevel.ROW) {
            plan.finding(LintFinding.info("before-row-trigger",
                    "a BEFORE ROW trigger can change or skip the row: check what the function returns"));
        }
        return plan.build();
    }
}
