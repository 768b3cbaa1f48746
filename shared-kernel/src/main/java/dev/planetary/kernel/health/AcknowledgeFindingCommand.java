package dev.planetary.kernel.health;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/**
 * A reviewer or operator acknowledges a lint finding on an object, saying why it stays: the lints show it
 * as acknowledged from then on, and the history keeps it ({@link FindingAcknowledgedEvent}).
 */
@RequiresRight({PlanetaryRight.REVIEWER, PlanetaryRight.OPERATOR})
public record AcknowledgeFindingCommand(TargetId target, LintRule rule, String object, String reason, @ActsFor String actor) {
}
