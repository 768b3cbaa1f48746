package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.spec.ChangeSpec;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a change's spec before it is approved; earlier approvals are void. */
@RequiresRight(PlanetaryRight.REQUESTER)
public record ReviseChangeCommand(@TargetAggregateIdentifier ChangeId changeId, String title, ChangeSpec spec, @ActsFor String revisedBy) {
}
