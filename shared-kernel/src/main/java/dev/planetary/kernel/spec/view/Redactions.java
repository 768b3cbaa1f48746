package dev.planetary.kernel.spec.view;

import dev.planetary.kernel.ddl.CreateFunction;
import dev.planetary.kernel.ddl.CreateSchema;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.TableFacts.FactColumn;
import dev.planetary.kernel.spec.TableFacts;
import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How views show columns, and the platform's masking functions, installed on the target by the
 * first plan that needs them. The masks are STRICT (NULL stays NULL), IMMUTABLE and PARALLEL SAFE
 * so the planner can treat a masked column like any expression, and keep EXECUTE for PUBLIC:
 * PostgreSQL checks a view's functions against the caller, not the view's owner.
 */
public final class Redactions {

    public static final Identifier PLATFORM_SCHEMA = Identifier.of("planetary");

    private Redactions() {
    }

    /** {@code CREATE OR REPLACE} for each platform mask the columns use, after the platform schema. */
    public static void install(PlanBuilder plan, Collection<ViewColumn> columns) {
        Set<Redaction> needed = EnumSet.noneOf(Redaction.class);
        columns.forEach(c -> {
            if (c.redaction().platformFunction() != null) {
                needed.add(c.redaction());
            }
        });
        if (needed.isEmpty()) {
            return;
        }
        plan.statement(new CreateSchema(PLATFORM_SCHEMA, true).sql()).changes(CatalogEffect.schema(PLATFORM_SCHEMA));
        for (Redaction redaction : needed) {
            plan.statement(definition(redaction)).changes(CatalogEffect.function(function(redaction)));
        }
    }

    /** The SELECT list of a view showing {@code columns} of a table with these facts. */
    public static String selectList(List<ViewColumn> columns, TableFacts facts) {
        return columns.stream()
                .map(c -> c.plain() ? c.name().quoted() : shown(c, facts) + " AS " + c.name().quoted())
                .collect(Collectors.joining(", "));
    }

    /** The column as a view shows it: as stored, masked, or NULL of its own type. */
    public static String shown(ViewColumn column, TableFacts facts) {
        FactColumn fact = facts.column(column.name());
        String value = column.name().quoted();
        String asText = "text".equals(fact.type()) ? value : value + "::text";
        return switch (column.redaction()) {
            case NONE -> value;
            case NULLIFY -> "NULL::" + fact.type();
            case FUNCTION -> column.function().quoted() + "(" + value + ")";
            default -> function(column.redaction()).quoted() + "(" + asText + ")";
        };
    }

    /** Every listed column must exist in the table; the refusal names the column's field. */
    public static void checkColumns(String field, List<ViewColumn> columns, QualifiedName table, TableFacts facts) {
        for (int c = 0; c < columns.size(); c++) {
            Identifier column = columns.get(c).name();
            if (facts.column(column) == null) {
                throw new SpecViolation(field + "[" + c + "].name", table.display() + " has no column " + column.name());
            }
        }
    }

    private static QualifiedName function(Redaction redaction) {
        return new QualifiedName(PLATFORM_SCHEMA, Identifier.of(redaction.platformFunction()));
    }

    private static String definition(Redaction redaction) {
        String body = switch (redaction) {
            case MASK_EMAIL -> "SELECT CASE WHEN strpos(value, '@') > 1"
                    + " THEN left(value, 1) || repeat('*', strpos(value, '@') - 2) || substr(value, strpos(value, '@'))"
                    + " ELSE repeat('*', length(value)) END";
            case MASK_PAN -> "SELECT CASE WHEN length(value) >= 12"
                    + " THEN repeat('*', length(value) - 4) || right(value, 4)"
                    + " ELSE repeat('*', length(value)) END";
            case HASH -> "SELECT encode(sha256(convert_to(value, 'UTF8')), 'hex')";
            default -> throw new IllegalArgumentException(redaction + " is not a platform function");
        };
        return CreateFunction.of(function(redaction), List.of(CreateFunction.Parameter.named("value", "text")), "text", "sql",
                body, DollarQuote.PLATFORM).replacing().immutableStrictParallelSafe().sql();
    }
}
