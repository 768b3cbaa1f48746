package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.SqlError;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The executor's result: {@code error} is null when the plan committed. */
public record RecordApplyOutcomeCommand(@TargetAggregateIdentifier ChangeId changeId, SqlError error, long durationMillis) {
}
