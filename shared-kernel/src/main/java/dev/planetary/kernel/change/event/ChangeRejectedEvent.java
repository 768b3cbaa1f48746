package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;

import java.time.Instant;

public record ChangeRejectedEvent(ChangeId changeId, String reviewer, String reason, Instant rejectedAt) {
}
