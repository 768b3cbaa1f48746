package dev.planetary.kernel.change.command;

import dev.planetary.kernel.identity.PersonCommand;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.ChangeSpec;

import java.util.Set;

/**
 * Proposes a change as people do: the command side completes the spec with what it reads from the
 * catalog, records the proposal and dry-runs it before answering with the new change's id.
 */
public record SubmitProposalCommand(String title, ChangeSpec spec, String requester) implements PersonCommand {

    @Override
    public String person() {
        return requester;
    }

    @Override
    public Set<PlanetaryRight> rights() {
        return Set.of(PlanetaryRight.REQUESTER);
    }
}
