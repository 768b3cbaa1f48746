package dev.planetary.kernel.change;

import dev.planetary.kernel.plan.CatalogEffect;

import java.util.List;

/**
 * The result of running a plan in a transaction that was rolled back. {@code error} is null when it
 * passed. {@code changes} are the parts of the catalog the plan was seen to change before the
 * rollback (empty when a statement failed): what reviewers approve, as PostgreSQL did it.
 */
public record DryRunOutcome(boolean passed, SqlError error, long durationMillis, List<CatalogEffect> changes) {

    public DryRunOutcome {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static DryRunOutcome passed(long durationMillis) {
        return passed(durationMillis, List.of());
    }

    public static DryRunOutcome passed(long durationMillis, List<CatalogEffect> changes) {
        return new DryRunOutcome(true, null, durationMillis, changes);
    }

    public static DryRunOutcome failed(SqlError error, long durationMillis) {
        return failed(error, durationMillis, List.of());
    }

    public static DryRunOutcome failed(SqlError error, long durationMillis, List<CatalogEffect> changes) {
        return new DryRunOutcome(false, error, durationMillis, changes);
    }
}
