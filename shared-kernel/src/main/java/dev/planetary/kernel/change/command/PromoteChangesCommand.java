package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

import java.util.List;

/**
 * Promote several applied changes to one target in the order they were applied where they come
 * from: each new change is applied only after the one before it (answered with the new changes'
 * ids, in that order).
 */
@RequiresRight(PlanetaryRight.REQUESTER)
public record PromoteChangesCommand(List<ChangeId> changeIds, TargetId target, @ActsFor String requester) {

    public PromoteChangesCommand {
        changeIds = changeIds == null ? List.of() : List.copyOf(changeIds);
    }
}
