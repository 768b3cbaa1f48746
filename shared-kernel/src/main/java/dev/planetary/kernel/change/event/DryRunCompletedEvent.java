package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.DryRunOutcome;

import java.time.Instant;

public record DryRunCompletedEvent(ChangeId changeId, int revision, DryRunOutcome outcome, Instant completedAt) {
}
