package dev.planetary.kernel.change;

import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.LockPreview;

import java.util.List;

/**
 * The result of running a plan in a transaction that was rolled back. {@code error} is null when it
 * passed. {@code changes} are the parts of the catalog the plan was seen to change before the
 * rollback (empty when a statement failed): what reviewers approve, as PostgreSQL did it.
 * {@code notes} say what the dry-run did differently from the apply (a statement that runs outside
 * a transaction was rehearsed by its transactional equivalent). {@code baseline} is what the plan's
 * objects looked like before it ran (null when it failed); {@code locks} the locks its transaction
 * took, with {@code lockFindings} on those that keep writers off a large or busy table.
 */
public record DryRunOutcome(boolean passed, SqlError error, long durationMillis, List<CatalogEffect> changes,
                            List<String> notes, Baseline baseline, List<LockPreview> locks, List<LintFinding> lockFindings) {

    public DryRunOutcome {
        changes = changes == null ? List.of() : List.copyOf(changes);
        notes = notes == null ? List.of() : List.copyOf(notes);
        locks = locks == null ? List.of() : List.copyOf(locks);
        lockFindings = lockFindings == null ? List.of() : List.copyOf(lockFindings);
    }

    public DryRunOutcome(boolean passed, SqlError error, long durationMillis, List<CatalogEffect> changes) {
        this(passed, error, durationMillis, changes, List.of(), null, List.of(), List.of());
    }

    public DryRunOutcome withNotes(List<String> notes) {
        return new DryRunOutcome(passed, error, durationMillis, changes, notes, baseline, locks, lockFindings);
    }

    /** With what the plan's objects looked like before it ran, for the drift guard at apply. */
    public DryRunOutcome withBaseline(Baseline baseline) {
        return new DryRunOutcome(passed, error, durationMillis, changes, notes, baseline, locks, lockFindings);
    }

    /** With the locks the dry-run took and the review notes on them. */
    public DryRunOutcome withLocks(List<LockPreview> locks, List<LintFinding> lockFindings) {
        return new DryRunOutcome(passed, error, durationMillis, changes, notes, baseline, locks, lockFindings);
    }

    /** Whether the locks make the change high risk, whatever its kind says. */
    public boolean heavyLocks() {
        return !lockFindings.isEmpty();
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
