package dev.planetary.kernel.policy;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.TypeName;

/**
 * The common row policies, filled in from a few blanks so a developer sees the expression before
 * proposing it. Filters that narrow other policies (soft delete, validity) are RESTRICTIVE, so
 * they combine with a tenant or owner policy by AND instead of widening it by OR.
 */
public enum PolicyTemplate {

    USER_OWNS_ROW("User owns the row", "Each caller sees and writes only the rows whose owner column holds their id"),
    TENANT_ISOLATION("Tenant isolation by claim", "Each caller sees and writes only the rows of their tenant"),
    SOFT_DELETE("Soft-delete filter", "Rows marked deleted are hidden from every caller"),
    TIME_BOUNDED("Time-bounded validity", "Only rows valid now are visible: from <= now() < to (no end means open)");

    private final String label;
    private final String description;

    PolicyTemplate(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The blanks: a column (and for validity an end column), a claim, the column's type for the cast. */
    public record Blanks(Identifier column, Identifier endColumn, Claim claim, TypeName columnType) {
    }

    /** What a template gives: a policy's command, mode and expressions. */
    public record Filled(PolicyCommand command, PolicyMode mode, SqlFragment using, SqlFragment withCheck) {
    }

    public Filled fill(Blanks blanks) {
        Identifier column = required("column", blanks.column());
        return switch (this) {
            case USER_OWNS_ROW, TENANT_ISOLATION -> {
                Claim claim = required("claim", blanks.claim());
                String cast = blanks.columnType() == null || blanks.columnType().name().equals("text")
                        ? "" : "::" + blanks.columnType().name();
                SqlFragment match = SqlFragment.of(column.quoted() + " = " + claim.sql() + cast);
                yield new Filled(PolicyCommand.ALL, PolicyMode.PERMISSIVE, match, match);
            }
            case SOFT_DELETE -> new Filled(PolicyCommand.SELECT, PolicyMode.RESTRICTIVE,
                    SqlFragment.of(column.quoted() + " IS NULL"), null);
            case TIME_BOUNDED -> {
                Identifier end = required("endColumn", blanks.endColumn());
                yield new Filled(PolicyCommand.SELECT, PolicyMode.RESTRICTIVE, SqlFragment.of(column.quoted()
                        + " <= now() AND (" + end.quoted() + " IS NULL OR now() < " + end.quoted() + ")"), null);
            }
        };
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new SpecViolation(field, field + " is required for this template");
        }
        return value;
    }
}
