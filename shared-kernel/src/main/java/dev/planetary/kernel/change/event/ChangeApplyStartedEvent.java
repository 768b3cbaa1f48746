package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;

import java.time.Instant;

public record ChangeApplyStartedEvent(ChangeId changeId, Instant startedAt) {
}
