package dev.planetary.kernel.change;

import java.util.List;

/**
 * What the apply found when it compared the plan's objects with its dry-run's {@link Baseline}:
 * nothing changed; changed only by changes Planetary applied since ({@code changedBy}), so the
 * plan ran again under the catalog guard and went on; or changed outside Planetary, so nothing
 * ran and the change needs a revision and a new review. {@code differences} say what differs.
 */
public record DriftVerdict(Kind kind, List<String> differences, List<String> changedBy) {

    public enum Kind { NONE, REBASED, DRIFTED }

    public static final DriftVerdict NONE = new DriftVerdict(Kind.NONE, List.of(), List.of());

    public DriftVerdict {
        differences = differences == null ? List.of() : List.copyOf(differences);
        changedBy = changedBy == null ? List.of() : List.copyOf(changedBy);
    }
}
