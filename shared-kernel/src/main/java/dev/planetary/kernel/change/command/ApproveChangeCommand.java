package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

@RequiresRight(PlanetaryRight.REVIEWER)
public record ApproveChangeCommand(@TargetAggregateIdentifier ChangeId changeId, @ActsFor String reviewer, String comment) {
}
