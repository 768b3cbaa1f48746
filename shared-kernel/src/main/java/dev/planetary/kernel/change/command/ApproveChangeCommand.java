package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveChangeCommand(@TargetAggregateIdentifier ChangeId changeId, String reviewer, String comment) {
}
