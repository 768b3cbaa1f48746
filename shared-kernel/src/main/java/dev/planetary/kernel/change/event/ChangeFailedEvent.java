package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.SqlError;

import java.time.Instant;

public record ChangeFailedEvent(ChangeId changeId, SqlError error, Instant failedAt) {
}
