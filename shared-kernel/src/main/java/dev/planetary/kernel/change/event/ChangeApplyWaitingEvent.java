package dev.planetary.kernel.change.event;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.SqlError;

import java.time.Instant;

/**
 * The apply waits for its target, which cannot be reached: nothing is marked applied or failed, and
 * the executor tries again until the target answers (the ledger on the target then tells whether a
 * commit that was in flight went through).
 */
public record ChangeApplyWaitingEvent(ChangeId changeId, SqlError reason, Instant since) {
}
