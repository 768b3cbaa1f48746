package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;

/** Sent by the apply saga to the DDL executor (not to the aggregate): apply this approved change. */
public record ExecuteChangeCommand(ChangeId changeId) {
}
