package dev.planetary.kernel.change.command;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;

/**
 * Proposes a change as people do: the command side completes the spec with what it reads from the
 * catalog, records the proposal and dry-runs it before answering with the new change's id.
 */
@RequiresRight(PlanetaryRight.REQUESTER)
public record SubmitProposalCommand(TargetId target, String title, ChangeSpec spec, @ActsFor String requester) {
}
