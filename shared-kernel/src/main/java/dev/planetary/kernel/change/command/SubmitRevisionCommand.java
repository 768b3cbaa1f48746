package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.spec.ChangeSpec;

/** Revises a change as people do: completed, recorded and dry-run again before the answer. */
@RequiresRight(PlanetaryRight.REQUESTER)
public record SubmitRevisionCommand(ChangeId changeId, String title, ChangeSpec spec, @ActsFor String revisedBy) {
}
