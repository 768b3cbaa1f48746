package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;

import java.time.Instant;

/**
 * {@code requiredApprovals}, when not null, raises the approvals the change needs: its dry-run's
 * locks keep writers off a large or busy table, which makes it high risk whatever its kind.
 */
public record DryRunCompletedEvent(ChangeId changeId, int revision, DryRunOutcome outcome, Instant completedAt,
                                   Integer requiredApprovals) {

    public DryRunCompletedEvent(ChangeId changeId, int revision, DryRunOutcome outcome, Instant completedAt) {
        this(changeId, revision, outcome, completedAt, null);
    }
}
