package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawChangeCommand(@TargetAggregateIdentifier ChangeId changeId, String withdrawnBy, String reason) {
}
