package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.SqlError;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The executor could not reach the change's target (or lost it mid-apply): the change stays applying
 * and is tried again; {@code reason} is what the driver said. Recorded once per outage.
 */
public record RecordApplyWaitingCommand(@TargetAggregateIdentifier ChangeId changeId, SqlError reason) {
}
