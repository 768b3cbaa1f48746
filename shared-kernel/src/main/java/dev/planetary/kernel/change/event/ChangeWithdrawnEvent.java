package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;

import java.time.Instant;

public record ChangeWithdrawnEvent(ChangeId changeId, String withdrawnBy, String reason, Instant withdrawnAt) {
}
