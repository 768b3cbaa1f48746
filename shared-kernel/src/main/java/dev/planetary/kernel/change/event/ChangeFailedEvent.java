package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.SqlError;

import java.time.Instant;

/** {@code note} says, for a plan run step by step, which steps were done and which were not (null otherwise). */
public record ChangeFailedEvent(ChangeId changeId, SqlError error, Instant failedAt, String note) {

    public ChangeFailedEvent(ChangeId changeId, SqlError error, Instant failedAt) {
        this(changeId, error, failedAt, null);
    }
}
