package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator applies an approved change that waits for them (its environment's rollout is by an operator). */
@RequiresRight(PlanetaryRight.OPERATOR)
public record RollOutChangeCommand(@TargetAggregateIdentifier ChangeId changeId, @ActsFor String operator) {
}
