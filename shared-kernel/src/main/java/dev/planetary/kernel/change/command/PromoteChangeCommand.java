package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/**
 * Repeat an applied change on another target (the next environment, say): a new change with the
 * same spec, linked to its origin, whose facts are read again and which is dry-run and reviewed there
 * under that target's rules. Answered with the new change's id.
 */
@RequiresRight(PlanetaryRight.REQUESTER)
public record PromoteChangeCommand(ChangeId changeId, TargetId target, @ActsFor String requester) {
}
