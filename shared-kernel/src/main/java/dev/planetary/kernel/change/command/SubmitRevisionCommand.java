package dev.planetary.kernel.change.command;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.identity.PersonCommand;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.spec.ChangeSpec;

import java.util.Set;

/** Revises a change as people do: completed, recorded and dry-run again before the answer. */
public record SubmitRevisionCommand(ChangeId changeId, String title, ChangeSpec spec, String revisedBy)
        implements PersonCommand {

    @Override
    public String person() {
        return revisedBy;
    }

    @Override
    public Set<PlanetaryRight> rights() {
        return Set.of(PlanetaryRight.REQUESTER);
    }
}
