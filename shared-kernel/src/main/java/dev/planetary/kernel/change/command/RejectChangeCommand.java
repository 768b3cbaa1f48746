package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectChangeCommand(@TargetAggregateIdentifier ChangeId changeId, String reviewer, String reason) {
}
